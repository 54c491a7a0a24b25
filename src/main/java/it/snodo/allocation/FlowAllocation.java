package it.snodo.allocation;

import it.snodo.engine.Categories;
import it.snodo.engine.Needs;
import it.snodo.engine.Network;
import it.snodo.engine.Services;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The optimal allocation of a category's needs to the free places of the services that cover it
 * (docs/design.md, "Allocation"), built from the engine's public API and solved as one
 * {@link MinimumCostFlow}.
 *
 * <p>Demand: the needs of the category or a narrower one in the municipalities of a territory (all
 * when none), each of weight 4 (HIGH), 2 (MEDIUM or none) or 1 (LOW). Supply: the services that
 * cover the category with known free places above 0. Need n may go to service s when s covers n's
 * category and s is at most {@code maxKm} from n's municipality (the distance of referrals, as the
 * caller is shown it). The allocation maximises Σ weight · people placed, then minimises Σ people ·
 * distance.
 *
 * <p>The flow: needs of one municipality, category and weight have the same pairs at the same
 * distances and the same weight, so each such group is one node giving its needs' people (its flow
 * is split back onto the needs by need index, each filling its services ascending); the sink takes
 * them all. Group → service arcs (the allowed pairs) cost the distance in units of 1/{@code scale}
 * km, rounded; service → sink arcs carry at most its free places at no cost; group → sink arcs, the
 * people left unplaced, cost the weight × BIG. With BIG larger than the distance cost of any simple
 * cycle of the residual graph (at most 2 × min(groups, services) allowed arcs, each at most maxKm), a cycle that places
 * more weight always costs less than any change of distance, and one that places the same weight
 * costs its change of distance: the least-cost flow is the lexicographic optimum (weight first,
 * exactly; then distance in the rounded units). The scale is the finest power of 10, from
 * 10<sup>6</sup> per km (a millimetre) down, that keeps every cost below {@link
 * MinimumCostFlow#MAX_COST}: a millimetre for the fixture, a metre or ten for thousands of needs
 * (so that among allocations of equal weight, the one chosen is the shortest to within that unit
 * per person).
 */
public final class FlowAllocation {

    /** How a distance to a service is shown to the caller: the distance the allocation uses. */
    @FunctionalInterface
    public interface ShownDistance {
        double km(int service, double km);
    }

    /** Told each phase of an allocation as it ends: for benchmarks. */
    @FunctionalInterface
    public interface Trace {
        /**
         * @param phase what was done
         * @param nanos how long it took
         * @param detail what it counted
         */
        void phase(String phase, long nanos, String detail);

        /** A trace that is told nothing. */
        Trace NONE = (phase, nanos, detail) -> {};
    }

    /** What to allocate: a category, a distance and a territory (-1 for all). */
    public record Query(int category, double maxKm, int territory) {}

    /** People of a need placed in a service, at a distance (the one shown). */
    public record Assignment(int need, int service, int people, double distanceKm) {}

    /** People of a municipality and category left unplaced. */
    public record Unplaced(int territory, int category, long people) {}

    /** A service of the supply: its free places and how many of them the allocation uses. */
    public record ServiceUse(int service, int freePlaces, long used) {}

    /**
     * The allocation.
     *
     * @param demand the people of the needs taking part
     * @param placed the people placed
     * @param weightedPlaced Σ weight · people placed
     * @param peopleKm Σ people · distance, rounded to 3 decimals
     * @param assignments by need, then service
     * @param unplaced by municipality, then category
     * @param services the supply, by service
     * @param unknownCapacity the services that cover the category but have no capacity, ascending
     */
    public record Result(
            long demand,
            long placed,
            long weightedPlaced,
            double peopleKm,
            List<Assignment> assignments,
            List<Unplaced> unplaced,
            List<ServiceUse> services,
            List<Integer> unknownCapacity) {}

    private static final long EXACT = 1L << 52;
    private static final double FINEST_SCALE = 1e6;
    private static final double COARSEST_SCALE = 1e-3;

    private final Network network;

    public FlowAllocation(Network network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The weight of a need's urgency: 4 HIGH, 2 MEDIUM or none, 1 LOW. */
    public static int weight(String urgency) {
        if ("HIGH".equals(urgency)) {
            return 4;
        }
        return "LOW".equals(urgency) ? 1 : 2;
    }

    /** The allocation with every distance as it is. */
    public Result allocate(Query q) {
        return allocate(q, (s, km) -> km);
    }

    /**
     * The allocation with the distances as {@code shown} gives them (never less than the true
     * ones): the pairs within {@code maxKm}, and the cost of each, are by the distance shown.
     */
    public Result allocate(Query q, ShownDistance shown) {
        return allocate(q, shown, Trace.NONE);
    }

    /** The allocation, telling {@code trace} how long each phase took. */
    public Result allocate(Query q, ShownDistance shown, Trace trace) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(trace, "trace");
        long t0 = System.nanoTime();
        Objects.requireNonNull(shown, "shown");
        if (!(q.maxKm() >= 0)) {
            throw new IllegalArgumentException("maxKm must be 0 or more");
        }
        Categories categories = network.categories();
        Services services = network.services();
        Needs needs = network.needs();

        // ---- supply
        List<Integer> unknownCapacity = new ArrayList<>();
        int[] slot = new int[network.serviceCount()];
        List<Integer> supply = new ArrayList<>();
        for (int s = 0; s < network.serviceCount(); s++) {
            slot[s] = -1;
            if (!services.coversCategory(s, q.category())) {
                continue;
            }
            Integer free = services.freePlaces(s);
            if (free == null) {
                unknownCapacity.add(s);
            } else if (free > 0) {
                slot[s] = supply.size();
                supply.add(s);
            }
        }

        long t1 = System.nanoTime();
        trace.phase("supply", t1 - t0, supply.size() + " services with free places");

        // ---- demand, grouped: needs of one municipality, category and weight are interchangeable
        // (the same pairs at the same distances, the same weight), so each group is one flow node.
        List<Integer> demandNeeds = new ArrayList<>();
        long demand = 0;
        Map<Long, Integer> groupOf = new HashMap<>();
        List<List<Integer>> groupNeeds = new ArrayList<>();
        for (int n = 0; n < needs.count(); n++) {
            int m = needs.territory(n);
            if (!categories.isWithin(needs.category(n), q.category())
                    || q.territory() >= 0 && !network.territories().isPartOf(m, q.territory())) {
                continue;
            }
            demandNeeds.add(n);
            demand += needs.people(n);
            if (supply.isEmpty()) {
                continue;
            }
            long key = ((long) m * network.categoryCount() + needs.category(n)) * 8 + weight(needs.urgency(n));
            int g = groupOf.computeIfAbsent(key, k -> {
                groupNeeds.add(new ArrayList<>());
                return groupNeeds.size() - 1;
            });
            groupNeeds.get(g).add(n);
        }

        // ---- the pairs allowed, group by group, each group's services ascending
        Reach reach = new Reach(q.maxKm(), supply, slot, shown);
        Map<Integer, Reach.Within> withinOf = new HashMap<>();
        Pairs pairs = new Pairs();
        List<Integer> placeable = new ArrayList<>();
        List<Integer> firstPair = new ArrayList<>();
        for (int g = 0; g < groupNeeds.size(); g++) {
            int n0 = groupNeeds.get(g).get(0);
            int c = needs.category(n0);
            Reach.Within within = withinOf.computeIfAbsent(needs.territory(n0), reach::of);
            int first = pairs.size;
            for (int k = 0; k < within.slots().length; k++) {
                int s = supply.get(within.slots()[k]);
                if (services.coversCategory(s, c)) {
                    pairs.add(g, within.slots()[k], within.km()[k]);
                }
            }
            if (pairs.size > first) {
                placeable.add(g);
                firstPair.add(first);
            }
        }
        long t2 = System.nanoTime();
        trace.phase(
                "demand and pairs",
                t2 - t1,
                demandNeeds.size() + " needs in " + groupNeeds.size() + " groups, " + placeable.size() + " placeable, "
                        + pairs.size + " pairs");

        // ---- the flow: placeable groups, then the supply, then the sink
        long[] x = new long[pairs.size];
        if (pairs.size > 0) {
            x = solve(q.maxKm(), placeable, groupNeeds, supply, pairs, trace);
        }
        long t3 = System.nanoTime();

        // ---- the answer: each group's flow split onto its needs, by need index, then service
        List<Assignment> assignments = new ArrayList<>();
        long[] placedOf = new long[needs.count()];
        long[] used = new long[network.serviceCount()];
        long placed = 0;
        long weighted = 0;
        for (int i = 0; i < placeable.size(); i++) {
            List<Integer> members = groupNeeds.get(placeable.get(i));
            int end = i + 1 < placeable.size() ? firstPair.get(i + 1) : pairs.size;
            int member = 0;
            long left = needs.people(members.get(0));
            for (int p = firstPair.get(i); p < end; p++) {
                long f = x[p];
                while (f > 0) {
                    while (left == 0) {
                        member++;
                        left = needs.people(members.get(member));
                    }
                    long take = Math.min(f, left);
                    int n = members.get(member);
                    int sv = supply.get(pairs.slot[p]);
                    assignments.add(new Assignment(n, sv, (int) take, pairs.km[p]));
                    placedOf[n] += take;
                    used[sv] += take;
                    placed += take;
                    weighted += weight(needs.urgency(n)) * take;
                    f -= take;
                    left -= take;
                }
            }
        }
        assignments.sort(Comparator.comparingInt(Assignment::need).thenComparingInt(Assignment::service));
        double km = 0;
        for (Assignment a : assignments) {
            km += a.people() * a.distanceKm();
        }
        TreeMap<Long, Long> left = new TreeMap<>();
        for (int n : demandNeeds) {
            long people = needs.people(n) - placedOf[n];
            if (people > 0) {
                // Territories and categories are numbered in the order of their ids.
                left.merge((long) needs.territory(n) * network.categoryCount() + needs.category(n), people, Long::sum);
            }
        }
        List<Unplaced> unplaced = new ArrayList<>();
        left.forEach((key, people) -> unplaced.add(
                new Unplaced((int) (key / network.categoryCount()), (int) (key % network.categoryCount()), people)));
        List<ServiceUse> uses = new ArrayList<>();
        for (int s : supply) {
            uses.add(new ServiceUse(s, services.freePlaces(s), used[s]));
        }
        trace.phase("answer", System.nanoTime() - t3, assignments.size() + " assignments");
        return new Result(
                demand, placed, weighted, Math.round(km * 1000) / 1000.0, assignments, unplaced, uses, unknownCapacity);
    }

    /** The people on each allowed pair, by the flow the class comment describes. */
    private long[] solve(
            double maxKm,
            List<Integer> placeable,
            List<List<Integer>> groupNeeds,
            List<Integer> supply,
            Pairs pairs,
            Trace trace) {
        long t0 = System.nanoTime();
        Needs needs = network.needs();
        int needNodes = placeable.size();
        int sink = needNodes + supply.size();
        int[] nodeOf = new int[groupNeeds.size()];
        long people = 0;
        long[] given = new long[needNodes];
        for (int i = 0; i < needNodes; i++) {
            nodeOf[placeable.get(i)] = i;
            for (int n : groupNeeds.get(placeable.get(i))) {
                given[i] += needs.people(n);
            }
            people += given[i];
        }
        if (people > Integer.MAX_VALUE) {
            throw new IllegalStateException("too many people to allocate: " + people);
        }
        int[] supplies = new int[sink + 1];
        for (int i = 0; i < needNodes; i++) {
            supplies[i] = (int) given[i];
        }
        supplies[sink] = (int) -people;

        // A simple cycle of the residual graph passes each group and service once: at most
        // 2 × min(groups, services) group-service arcs.
        long cycleArcs = 2L * Math.min(needNodes, supply.size());
        double scale = FINEST_SCALE;
        long big;
        while (true) {
            big = cycleArcs * ((long) Math.ceil(maxKm * scale) + 1) + 1;
            // The largest cost is the bypass of a HIGH need: 4 × BIG.
            if (4 * big <= MinimumCostFlow.MAX_COST && (sink + 1 + people) <= EXACT / (4 * big)) {
                break;
            }
            if (scale <= COARSEST_SCALE) {
                throw new IllegalStateException("too many people and needs to allocate exactly");
            }
            scale /= 10;
        }
        List<MinimumCostFlow.Arc> arcs = new ArrayList<>(pairs.size + needNodes + supply.size());
        for (int i = 0; i < pairs.size; i++) {
            arcs.add(new MinimumCostFlow.Arc(
                    nodeOf[pairs.group[i]],
                    needNodes + pairs.slot[i],
                    MinimumCostFlow.UNBOUNDED,
                    Math.round(pairs.km[i] * scale)));
        }
        for (int i = 0; i < needNodes; i++) {
            int n = groupNeeds.get(placeable.get(i)).get(0);
            arcs.add(new MinimumCostFlow.Arc(i, sink, MinimumCostFlow.UNBOUNDED, weight(needs.urgency(n)) * big));
        }
        for (int j = 0; j < supply.size(); j++) {
            arcs.add(new MinimumCostFlow.Arc(
                    needNodes + j, sink, network.services().freePlaces(supply.get(j)), 0));
        }
        long t1 = System.nanoTime();
        trace.phase("arcs", t1 - t0, (sink + 1) + " nodes, " + arcs.size() + " arcs, scale " + scale + " per km");
        long[] flows = MinimumCostFlow.flows(supplies, arcs);
        trace.phase("solve", System.nanoTime() - t1, "JGraphT CapacityScalingMinimumCostFlow");
        long[] x = new long[pairs.size];
        System.arraycopy(flows, 0, x, 0, x.length);
        return x;
    }

    /** The allowed pairs: a group, a supply slot and the distance shown. */
    private static final class Pairs {
        int size;
        int[] group = new int[1024];
        int[] slot = new int[1024];
        double[] km = new double[1024];

        void add(int g, int sl, double d) {
            if (size == group.length) {
                group = Arrays.copyOf(group, 2 * size);
                slot = Arrays.copyOf(slot, 2 * size);
                km = Arrays.copyOf(km, 2 * size);
            }
            group[size] = g;
            slot[size] = sl;
            km[size] = d;
            size++;
        }
    }

    /**
     * The supply within reach of a municipality, by the engine's grid: the municipalities within
     * maxKm, each bringing the services that cover it; each service at its nearest (as {@link
     * Services#within}), then at the distance shown, kept when that is within maxKm.
     */
    private final class Reach {
        record Within(int[] slots, double[] km) {}

        private final double maxKm;
        private final List<Integer> supply;
        private final int[] slot;
        private final ShownDistance shown;
        private final double[] nearest;
        private final boolean[] seen;

        Reach(double maxKm, List<Integer> supply, int[] slot, ShownDistance shown) {
            this.maxKm = maxKm;
            this.supply = supply;
            this.slot = slot;
            this.shown = shown;
            this.nearest = new double[supply.size()];
            this.seen = new boolean[supply.size()];
        }

        Within of(int m) {
            Services services = network.services();
            int[] touched = new int[16];
            int[] count = {0};
            int[][] box = {touched};
            network.territories().within(m, maxKm, (mun, d) -> {
                for (int i = 0; i < services.coveringCount(mun); i++) {
                    int k = slot[services.covering(mun, i)];
                    if (k < 0) {
                        continue;
                    }
                    if (!seen[k]) {
                        seen[k] = true;
                        nearest[k] = d;
                        if (count[0] == box[0].length) {
                            box[0] = Arrays.copyOf(box[0], 2 * count[0]);
                        }
                        box[0][count[0]++] = k;
                    } else if (d < nearest[k]) {
                        nearest[k] = d;
                    }
                }
            });
            int[] ks = Arrays.copyOf(box[0], count[0]);
            Arrays.sort(ks);
            int kept = 0;
            double[] km = new double[ks.length];
            for (int k : ks) {
                seen[k] = false;
                double d = shown.km(supply.get(k), nearest[k]);
                if (d <= maxKm) {
                    km[kept] = d;
                    ks[kept++] = k;
                }
            }
            return new Within(Arrays.copyOf(ks, kept), Arrays.copyOf(km, kept));
        }
    }
}
