package it.snodo.sharing;

import it.snodo.allocation.MinimumCostFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The exchange of skills (docs/design.md, "Skill matches"): the hours requested matched to the
 * hours offered, solved as one {@link MinimumCostFlow}.
 *
 * <p>Request r of cooperative a may take hours from offer o of cooperative b when b ≠ a, o's skill
 * is r's or a narrower one, and the distance between a and b is known and at most {@code maxKm}.
 * The exchange maximises the hours matched, then minimises Σ hours · km.
 *
 * <p>The flow: each offer gives its hours, each request takes its hours, and one balance node T
 * gives the difference (requested − offered). Offer → request arcs (the allowed pairs) cost the
 * distance in units of 1/{@code scale} km, rounded; offer → T (hours left unlent) costs nothing;
 * T → request (hours left unmatched) costs BIG. With BIG larger than the distance cost of any
 * simple cycle of the residual graph (at most 2 × min(offers, requests) pair arcs, each at most
 * maxKm), the least-cost flow matches the most hours, exactly, then the shortest distance to
 * within that unit per hour; the scale is the finest power of 10 from 10<sup>6</sup> per km down
 * that keeps the flow exact ({@link MinimumCostFlow#exact}), as the allocation does.
 */
final class SkillExchange {

    /** Hours a week of a skill offered or requested by a cooperative. */
    record Hours(String cooperative, String skill, int hoursPerWeek) {}

    /** Whether a skill is another or narrower than it. */
    @FunctionalInterface
    interface Within {
        boolean test(String skill, String broader);
    }

    /** The distance in km between two cooperatives, or null when unknown. */
    @FunctionalInterface
    interface Distance {
        Double km(String a, String b);
    }

    /** Hours lent by {@code from} to {@code to}'s request of {@code skill}. */
    record Assignment(String from, String to, String skill, int hoursPerWeek, double distanceKm) {}

    /**
     * The exchange.
     *
     * @param requestedHours the hours of the requests taking part
     * @param matchedHours the hours matched
     * @param hoursKm Σ hours · km, rounded to 3 decimals
     * @param assignments by to, skill, from
     * @param unmatched the hours of each request left unmatched, by cooperative, skill
     */
    record Result(
            long requestedHours,
            long matchedHours,
            double hoursKm,
            List<Assignment> assignments,
            List<Hours> unmatched) {}

    private static final double FINEST_SCALE = 1e6;
    private static final double COARSEST_SCALE = 1e-3;

    private SkillExchange() {}

    static Result exchange(List<Hours> requests, List<Hours> offers, double maxKm, Within within, Distance distance) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(offers, "offers");
        if (!(maxKm >= 0)) {
            throw new IllegalArgumentException("maxKm must be 0 or more");
        }
        List<Integer> pairOffer = new ArrayList<>();
        List<Integer> pairRequest = new ArrayList<>();
        List<Double> pairKm = new ArrayList<>();
        long requested = 0;
        long offered = 0;
        for (Hours o : offers) {
            offered += o.hoursPerWeek();
        }
        for (int r = 0; r < requests.size(); r++) {
            Hours req = requests.get(r);
            requested += req.hoursPerWeek();
            for (int o = 0; o < offers.size(); o++) {
                Hours off = offers.get(o);
                if (off.cooperative().equals(req.cooperative()) || !within.test(off.skill(), req.skill())) {
                    continue;
                }
                Double km = distance.km(req.cooperative(), off.cooperative());
                if (km == null || !(km <= maxKm)) {
                    continue;
                }
                pairOffer.add(o);
                pairRequest.add(r);
                pairKm.add(km);
            }
        }
        if (requested + offered > Integer.MAX_VALUE) {
            throw new IllegalStateException("too many hours to exchange: " + (requested + offered));
        }
        long[] x = pairOffer.isEmpty()
                ? new long[0]
                : solve(requests, offers, maxKm, (int) requested, (int) offered, pairOffer, pairRequest, pairKm);

        Map<List<String>, Assignment> merged = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
        long[] matchedOf = new long[requests.size()];
        long matched = 0;
        double km = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                continue;
            }
            Hours req = requests.get(pairRequest.get(i));
            Hours off = offers.get(pairOffer.get(i));
            int h = (int) x[i];
            // Two offers of one lender (two narrower skills) for one request: one row, one distance.
            merged.merge(
                    List.of(req.cooperative(), req.skill(), off.cooperative()),
                    new Assignment(off.cooperative(), req.cooperative(), req.skill(), h, pairKm.get(i)),
                    (a, b) -> new Assignment(
                            a.from(), a.to(), a.skill(), a.hoursPerWeek() + b.hoursPerWeek(), a.distanceKm()));
            matchedOf[pairRequest.get(i)] += h;
            matched += h;
            km += h * pairKm.get(i);
        }
        List<Hours> unmatched = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            long left = requests.get(r).hoursPerWeek() - matchedOf[r];
            if (left > 0) {
                unmatched.add(
                        new Hours(requests.get(r).cooperative(), requests.get(r).skill(), (int) left));
            }
        }
        unmatched.sort(Comparator.comparing(Hours::cooperative).thenComparing(Hours::skill));
        return new Result(
                requested, matched, Math.round(km * 1000) / 1000.0, new ArrayList<>(merged.values()), unmatched);
    }

    /** The hours on each allowed pair, by the flow the class comment describes. */
    private static long[] solve(
            List<Hours> requests,
            List<Hours> offers,
            double maxKm,
            int requested,
            int offered,
            List<Integer> pairOffer,
            List<Integer> pairRequest,
            List<Double> pairKm) {
        int offerNodes = offers.size();
        int balance = offerNodes + requests.size();
        int[] supplies = new int[balance + 1];
        for (int o = 0; o < offerNodes; o++) {
            supplies[o] = offers.get(o).hoursPerWeek();
        }
        for (int r = 0; r < requests.size(); r++) {
            supplies[offerNodes + r] = -requests.get(r).hoursPerWeek();
        }
        supplies[balance] = requested - offered;

        long cycleArcs = 2L * Math.min(offers.size(), requests.size());
        double scale = FINEST_SCALE;
        long big;
        while (true) {
            big = cycleArcs * ((long) Math.ceil(maxKm * scale) + 1) + 1;
            if (MinimumCostFlow.exact(balance + 1, big)) {
                break;
            }
            if (scale <= COARSEST_SCALE) {
                throw new IllegalStateException("too many offers and requests to exchange exactly");
            }
            scale /= 10;
        }
        List<MinimumCostFlow.Arc> arcs = new ArrayList<>(pairOffer.size() + offerNodes + requests.size());
        for (int i = 0; i < pairOffer.size(); i++) {
            arcs.add(new MinimumCostFlow.Arc(
                    pairOffer.get(i),
                    offerNodes + pairRequest.get(i),
                    MinimumCostFlow.UNBOUNDED,
                    Math.round(pairKm.get(i) * scale)));
        }
        for (int o = 0; o < offerNodes; o++) {
            arcs.add(new MinimumCostFlow.Arc(o, balance, MinimumCostFlow.UNBOUNDED, 0));
        }
        for (int r = 0; r < requests.size(); r++) {
            arcs.add(new MinimumCostFlow.Arc(balance, offerNodes + r, MinimumCostFlow.UNBOUNDED, big));
        }
        long[] flows = MinimumCostFlow.flows(supplies, arcs);
        long[] x = new long[pairOffer.size()];
        System.arraycopy(flows, 0, x, 0, x.length);
        return x;
    }
}
