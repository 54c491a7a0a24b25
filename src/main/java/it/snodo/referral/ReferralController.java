package it.snodo.referral;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.engine.ConnectionPathAlgorithm.ConnectionPath;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.engine.ReferralAlgorithm.Referral;
import it.snodo.network.ConfidentialPlaces;
import it.snodo.network.HiddenPlaces;
import it.snodo.network.SnapshotIds;
import it.snodo.snapshot.Snapshots;
import it.snodo.web.ApiException;
import it.snodo.web.Violation;

/** Referrals ("where do I send this need?") and connection paths ("who can introduce us?"). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "referrals and paths")
class ReferralController {

    static final int MAX_K = 100;
    static final double MAX_KM = 500;
    static final int MAX_PATHS = 20;

    private final Snapshots snapshots;

    ReferralController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** A reference to an entity in an answer. */
    record Ref(String id, String name) {
    }

    /**
     * One step of a referral's explanation.
     *
     * @param kind a territory's level, SERVICE, COOPERATIVE or PARTNER
     * @param tie for an actor after the provider, the kind of the tie that joins it to the step before
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(String id, String kind, String name, String tie) {
    }

    record ReferralAnswer(Ref service, Ref provider, double distanceKm, Integer freePlaces, double cost,
            Integer tieHops, List<Step> path) {
    }

    record Referrals(long networkVersion, List<ReferralAnswer> referrals) {
    }

    record PathAnswer(int hops, List<String> actors, List<String> ties, double strength) {
    }

    record Paths(long networkVersion, List<PathAnswer> paths) {
    }

    @GetMapping("/referrals")
    @Operation(summary = "Where to send a need: services covering a category near a municipality",
            description = "Services that cover the category (or a descendant) and are available within maxKm"
                    + " of the municipality, ranked by distance, then free places (unknown last), then id. Full"
                    + " services are left out unless includeFull. Each referral carries the path that explains it"
                    + " and its cost: distanceKm plus one per tie hop from the consortium or the municipality's"
                    + " social services to the provider (plus 10 when no tie leads there).")
    Referrals referrals(@RequestParam String category, @RequestParam String territory,
            @RequestParam(defaultValue = "10") int k, @RequestParam(defaultValue = "25") double maxKm,
            @RequestParam(defaultValue = "false") boolean includeFull) {
        List<Violation> errors = new ArrayList<>();
        if (k < 1 || k > MAX_K) {
            errors.add(Violation.of("k", "must be between 1 and " + MAX_K));
        }
        if (!(maxKm >= 0 && maxKm <= MAX_KM)) {
            errors.add(Violation.of("maxKm", "must be between 0 and " + (int) MAX_KM));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The referral query is not valid", errors);
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        int c = new SnapshotIds(n).category(category);
        int m = new SnapshotIds(n).municipality(territory, "territory", "Referrals start from a municipality");
        HiddenPlaces hidden = ConfidentialPlaces.forCurrentCaller().hiddenIn(n);
        // Ranked by the true distance, a hidden place would tell where it is by where it stands
        // in the list; so the caller's list is ranked, and cut at maxKm, by the distance shown.
        // Rounding only makes a key larger: a service among the best k by the shown distance has
        // at most k - 1 unhidden services and the hidden ones before it by the true distance, so
        // the engine's best k + hidden hold all of them, and the engine stays one ranking.
        int asked = hidden.any() ? Math.min(k + hidden.count(), n.serviceCount()) : k;
        List<Referral> found = engine.referrals()
                .referrals(new ReferralAlgorithm.Query(c, m, asked, maxKm, includeFull));
        if (hidden.any()) {
            found = shownRanking(n, hidden, found, k, maxKm);
        }
        List<ReferralAnswer> answers = new ArrayList<>(found.size());
        for (Referral r : found) {
            ReferralAnswer answer = answer(n, m, r);
            answers.add(hidden.hides(r.service()) ? masked(answer, hidden.shownKm(r.service(), r.distanceKm())) : answer);
        }
        return new Referrals(n.version(), answers);
    }

    /**
     * The best k of the referrals by the distance the caller is shown, then free places (unknown
     * last), then id, as docs/design.md ("Referrals") ranks them; those shown farther than maxKm
     * are left out.
     */
    private static List<Referral> shownRanking(Network n, HiddenPlaces hidden, List<Referral> found, int k,
            double maxKm) {
        return found.stream()
                .filter(r -> hidden.shownKm(r.service(), r.distanceKm()) <= maxKm)
                .sorted(java.util.Comparator
                        .comparingDouble((Referral r) -> hidden.shownKm(r.service(), r.distanceKm()))
                        .thenComparing(r -> r.freePlaces() == null ? 1 : 0)
                        .thenComparing(r -> r.freePlaces() == null ? 0 : -r.freePlaces())
                        // Services are numbered in the order of their ids.
                        .thenComparingInt(Referral::service))
                .limit(k)
                .toList();
    }

    private static ReferralAnswer answer(Network n, int municipality, Referral r) {
        List<Step> path = new ArrayList<>();
        path.add(territory(n, municipality));
        if (r.nearestMunicipality() != municipality) {
            path.add(territory(n, r.nearestMunicipality()));
        }
        if (r.availableIn() != r.nearestMunicipality()) {
            path.add(territory(n, r.availableIn()));
        }
        path.add(new Step(n.serviceId(r.service()), "SERVICE", n.serviceName(r.service()), null));
        int provider = n.provider(r.service());
        path.add(actor(n, provider, null));
        for (int i = 1; i < r.route().length; i++) {
            path.add(actor(n, r.route()[i], r.routeTies().get(i - 1)));
        }
        return new ReferralAnswer(new Ref(n.serviceId(r.service()), n.serviceName(r.service())),
                new Ref(n.actorId(provider), n.actorName(provider)), r.distanceKm(), r.freePlaces(), r.cost(),
                r.tieHops(), path);
    }

    /**
     * A confidential place as those who may not know where it is see it: listed, with its
     * provider, but its distance the rounded one they are shown and no territory in its path; the
     * cost counts the rounded distance.
     */
    static ReferralAnswer masked(ReferralAnswer a, double rounded) {
        List<Step> path = a.path().stream().filter(s -> !TERRITORY_LEVELS.contains(s.kind())).toList();
        return new ReferralAnswer(a.service(), a.provider(), rounded, a.freePlaces(),
                a.cost() - a.distanceKm() + rounded, a.tieHops(), path);
    }

    private static final java.util.Set<String> TERRITORY_LEVELS = java.util.Arrays
            .stream(it.snodo.network.TerritoryLevel.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Step territory(Network n, int t) {
        return new Step(n.territoryId(t), n.territoryLevel(t), n.territoryName(t), null);
    }

    private static Step actor(Network n, int a, String tie) {
        return new Step(n.actorId(a), n.isCooperative(a) ? "COOPERATIVE" : "PARTNER", n.actorName(a), tie);
    }

    @GetMapping("/paths")
    @Operation(summary = "Who can introduce whom: the k shortest loopless paths between two actors",
            description = "Over the tie graph (undirected; several ties between a pair are one edge): fewest hops"
                    + " first, then strongest ties. No path when the two are not connected.")
    Paths paths(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "3") int k) {
        if (k < 1 || k > MAX_PATHS) {
            throw new ApiException.InvalidInput("The path query is not valid",
                    List.of(Violation.of("k", "must be between 1 and " + MAX_PATHS)));
        }
        EngineSnapshot engine = snapshots.fresh();
        Network n = engine.network();
        int source = new SnapshotIds(n).actor(from);
        int target = new SnapshotIds(n).actor(to);
        List<PathAnswer> answers = new ArrayList<>();
        for (ConnectionPath p : engine.paths().paths(source, target, k)) {
            List<String> actors = new ArrayList<>();
            for (int a : p.actors()) {
                actors.add(n.actorId(a));
            }
            answers.add(new PathAnswer(p.hops(), actors, p.ties(), Math.round(p.strength() * 1e9) / 1e9));
        }
        return new Paths(n.version(), answers);
    }
}
