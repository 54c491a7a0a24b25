package it.snodo.view;

import it.snodo.engine.GapAnalysis;
import it.snodo.engine.IntegratedAnswerAlgorithm;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.ReferralAlgorithm.Referral;
import it.snodo.engine.SynergyAlgorithm;
import it.snodo.engine.WhatIfAnalysis;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The policy on confidential places ({@link ConfidentialPlaces}) applied to one snapshot, for one
 * caller: the confidential services whose place the caller may not know, and how every analysis
 * answers around them. The analyses ask it, and nothing else, what the caller may see: which
 * services it may see placed ({@link #hides}), how a distance is shown ({@link #shownKm}), and on
 * which view of the network an answer finer than a district is computed (the network without the
 * hidden places). Such a caller is told nothing more than a distance rounded up to the next 5 km:
 * ranked and filtered by that rounded distance, and left out of aggregates finer than a district
 * (docs/design.md, "Confidential places").
 */
public final class HiddenPlaces {

    private final ConfidentialPlaces policy;
    private final Network network;
    private final BitSet services;
    private final int count;

    HiddenPlaces(ConfidentialPlaces policy, Network network, BitSet services) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.network = Objects.requireNonNull(network, "network");
        this.services = services;
        this.count = services.cardinality();
    }

    /** True when some service is hidden from the caller. */
    public boolean any() {
        return count > 0;
    }

    /** How many services are hidden from the caller. */
    public int count() {
        return count;
    }

    /** True when the caller may not know where service {@code s} is: it is listed, but never placed. */
    public boolean hides(int s) {
        return services.get(s);
    }

    /**
     * The distance to service {@code s} as the caller is shown it: rounded up to the next 5 km (at
     * least 5) when the service is hidden, else as it is. Never less than {@code km}.
     */
    public double shownKm(int s, double km) {
        return hides(s) ? ConfidentialPlaces.roundedKm(km) : km;
    }

    /**
     * The referrals of a query as the caller is shown them: a hidden place's distance is the
     * rounded one, its cost counts that distance, and the list is ranked (distance, then free
     * places, unknown last, then id, as docs/design.md, "Referrals", ranks it), and cut at
     * {@code maxKm}, by the distances shown. Ranked by the true distance, a hidden place would tell
     * where it is by where it stands in the list. The caller must still leave the territories out
     * of a hidden place's explanation ({@link #hides}).
     */
    public List<Referral> referrals(ReferralAlgorithm referrals, ReferralAlgorithm.Query query) {
        if (!any()) {
            return referrals.referrals(query);
        }
        // Rounding only makes a key larger: a service among the best k by the shown distance has
        // at most k - 1 unhidden services and the hidden ones before it by the true distance, so
        // the engine's best k + hidden hold all of them, and the engine stays one ranking.
        int asked = Math.min(query.k() + count, network.serviceCount());
        List<Referral> found = referrals.referrals(new ReferralAlgorithm.Query(
                query.category(), query.municipality(), asked, query.maxKm(), query.includeFull()));
        return found.stream()
                .map(this::shown)
                .filter(r -> r.distanceKm() <= query.maxKm())
                .sorted(Comparator.comparingDouble(Referral::distanceKm)
                        .thenComparing(r -> r.freePlaces() == null ? 1 : 0)
                        .thenComparing(r -> r.freePlaces() == null ? 0 : -r.freePlaces())
                        // Services are numbered in the order of their ids.
                        .thenComparingInt(Referral::service))
                .limit(query.k())
                .toList();
    }

    /** A referral with the distance the caller is shown, and its cost counting that distance. */
    private Referral shown(Referral r) {
        if (!hides(r.service())) {
            return r;
        }
        double km = shownKm(r.service(), r.distanceKm());
        return new Referral(
                r.service(),
                km,
                r.freePlaces(),
                r.nearestMunicipality(),
                r.availableIn(),
                r.route(),
                r.routeTies(),
                r.cost() - r.distanceKm() + km);
    }

    /**
     * The gap rows of a territory as the caller may see them. A row of a municipality that counted
     * a hidden place would tell where it is (a cell, free places that only it has), so it is
     * computed as if those services did not exist; a district or wider row counts them, which says
     * no more than that they are somewhere in it.
     */
    public List<GapAnalysis.Row> gapRows(GapAnalysis gaps, int territory) {
        return any() && network.isMunicipality(territory) ? gaps.rows(territory, this::hides) : gaps.rows(territory);
    }

    /**
     * The synergies of a cooperative as the caller may see them: shared municipalities and open
     * gaps counted with a hidden place would tell where it is, so they are those of the network
     * without it, as the caller's municipality gap rows are.
     */
    public List<SynergyAlgorithm.Suggestion> suggestions(SynergyAlgorithm synergies, int cooperative, int limit) {
        return any()
                ? synergies.suggestions(cooperative, limit, this::hides)
                : synergies.suggestions(cooperative, limit);
    }

    /**
     * The integrated answer as the caller may see it: chosen by the distances shown, since a set
     * with a hidden place in it would tell how near it is.
     */
    public IntegratedAnswerAlgorithm.Answer integratedAnswer(
            IntegratedAnswerAlgorithm answers, int municipality, int[] categories, double maxKm) {
        return any()
                ? answers.answer(municipality, categories, maxKm, this::shownKm)
                : answers.answer(municipality, categories, maxKm);
    }

    /**
     * What the caller may be told a removal would lose. A what-if without a hidden place, or without
     * its provider, would tell where it is: refused (403). Lost coverage is by municipality, and a
     * need that stays answered only by a hidden place would tell where it is: the impact is that on
     * the network without the hidden places, as the caller's municipality gap rows are.
     */
    public WhatIfAnalysis.Impact whatIf(WhatIfAnalysis whatIf, WhatIfAnalysis.Removal removal) {
        if (any()) {
            BitSet removedServices = bits(removal.services());
            BitSet removedActors = bits(removal.actors());
            for (int s = services.nextSetBit(0); s >= 0; s = services.nextSetBit(s + 1)) {
                int p = network.provider(s);
                if (removedServices.get(s) || removedActors.get(p)) {
                    throw new ApiException.Forbidden(
                            "A what-if without a confidential place would tell where it is:"
                                    + " only planners and its provider may ask it",
                            List.of(Violation.of(
                                    "remove",
                                    "must not name '"
                                            + (removedServices.get(s) ? network.serviceId(s) : network.actorId(p))
                                            + "'")));
                }
            }
        }
        return whatIf.impact(removal, this::hides);
    }

    private static BitSet bits(int[] indexes) {
        BitSet bits = new BitSet();
        for (int i : indexes) {
            bits.set(i);
        }
        return bits;
    }

    /**
     * True when the measures of the actors based in {@code territory} must leave the confidential
     * partners out: a caller who may not know where they are based asks about a territory.
     * Counting such a partner among the actors based there would say where it is; the whole
     * network (territory -1) says nothing of where.
     */
    public boolean measuresWithoutConfidential(int territory) {
        return territory >= 0 && !policy.seesAll();
    }
}
