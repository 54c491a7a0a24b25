package it.snodo.allocation;

import it.snodo.engine.Categories;
import it.snodo.engine.Needs;
import it.snodo.engine.Network;
import it.snodo.engine.Services;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The optimal allocation of a category's needs to the free places of the services that cover it
 * (docs/design.md, "Allocation"), built from the engine's public API and solved as maximum flows
 * and one {@link MinimumCostFlow}.
 *
 * <p>Demand: the needs of the category or a narrower one in the municipalities of a territory (all
 * when none), each of weight 4 (HIGH), 2 (MEDIUM or none) or 1 (LOW). Supply: the services that
 * cover the category with known free places above 0. Need n may go to service s when s covers n's
 * category and s is at most {@code maxKm} from n's municipality (the distance of referrals, as the
 * caller is shown it). The allocation maximises Σ weight · people placed, then minimises Σ people ·
 * distance.
 *
 * <p><b>Weight first, by maximum flows.</b> The sets of people that can be placed together form a
 * polymatroid (the people a flow can carry from a set of needs), so the greedy order is optimal for
 * any weights: every allocation of most weight places exactly h* HIGH people, m* − h* MEDIUM and
 * r* − m* LOW, where h*, m* and r* are the maximum flows from the HIGH needs, from the HIGH and
 * MEDIUM needs, and from all. The distance is then a minimum-cost flow whose three sources give
 * exactly those numbers: no big constant mixes the two goals, and the costs stay small.
 *
 * <p><b>The network</b> is as small as the definition allows. Categories that the same services
 * cover are one signature σ; needs of one municipality m and signature are interchangeable, so
 * each (m, σ) is one node O, fed by the three weight sources (at most its people of each weight).
 * The distance from m to a service is the distance to the nearest municipality it covers, so O(m,
 * σ) → T(m′, σ) for each municipality m′ within maxKm costs that distance, and T(m′, σ) → s for
 * each service s of σ's supply that covers m′ costs nothing: the cheapest path from O to s is the
 * service's distance, and m′ lists are far shorter than the services in reach. A service shown to
 * the caller at another distance (a confidential place, banded) gets direct arcs O → s at the
 * distance shown. s → sink carries at most its free places. Distances cost units of 1/{@code
 * scale} km, rounded, at the finest power of 10 from 10<sup>6</sup> per km down that keeps the
 * flow exact ({@link MinimumCostFlow#exact}): a millimetre unless the network is very large.
 *
 * <p>The answer: each T's inflows are paired with its outflows in order, each O's placed people
 * are its needs' (by weight, then need index), filling its services in ascending order; each
 * assignment is shown at the service's own distance from the need (never more than the path's, and
 * equal in rounded units at the optimum).
 */
public final class FlowAllocation {

    /** How a distance to a service is shown to the caller: the distance the allocation uses. */
    public interface ShownDistance {
        /** True when service {@code service} is shown at another distance than its own. */
        boolean hides(int service);

        /** The distance shown for a service at {@code km}: {@code km} unless it {@link #hides}, never less. */
        double km(int service, double km);

        /** Every distance as it is. */
        ShownDistance AS_IS = new ShownDistance() {
            @Override
            public boolean hides(int service) {
                return false;
            }

            @Override
            public double km(int service, double km) {
                return km;
            }
        };
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
        return allocate(q, ShownDistance.AS_IS);
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
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(trace, "trace");
        if (!(q.maxKm() >= 0)) {
            throw new IllegalArgumentException("maxKm must be 0 or more");
        }
        long t0 = System.nanoTime();
        Categories categories = network.categories();
        Services services = network.services();
        Needs needs = network.needs();

        // ---- supply
        List<Integer> unknownCapacity = new ArrayList<>();
        int[] slot = new int[network.serviceCount()];
        IntList supply = new IntList();
        boolean anyHidden = false;
        for (int s = 0; s < network.serviceCount(); s++) {
            slot[s] = -1;
            if (!services.coversCategory(s, q.category())) {
                continue;
            }
            Integer free = services.freePlaces(s);
            if (free == null) {
                unknownCapacity.add(s);
            } else if (free > 0) {
                slot[s] = supply.size;
                supply.add(s);
                anyHidden |= shown.hides(s);
            }
        }
        long t1 = System.nanoTime();
        trace.phase("supply", t1 - t0, supply.size + " services with free places");

        // ---- demand: needs by (municipality, signature); a signature is the supply that covers
        // a category, shared by the categories it covers alike.
        IntList demandNeeds = new IntList();
        long demand = 0;
        int[] sigOf = new int[network.categoryCount()];
        Arrays.fill(sigOf, -2);
        List<BitSet> sigs = new ArrayList<>();
        Map<BitSet, Integer> sigIndex = new HashMap<>();
        Map<Long, Integer> originOf = new HashMap<>();
        IntList originMun = new IntList();
        IntList originSig = new IntList();
        List<IntList> originNeeds = new ArrayList<>();
        for (int n = 0; n < needs.count(); n++) {
            int m = needs.territory(n);
            int c = needs.category(n);
            if (!categories.isWithin(c, q.category())
                    || q.territory() >= 0 && !network.territories().isPartOf(m, q.territory())) {
                continue;
            }
            demandNeeds.add(n);
            demand += needs.people(n);
            if (sigOf[c] == -2) {
                BitSet covering = new BitSet(supply.size);
                for (int k = 0; k < supply.size; k++) {
                    if (services.coversCategory(supply.at(k), c)) {
                        covering.set(k);
                    }
                }
                sigOf[c] = covering.isEmpty()
                        ? -1
                        : sigIndex.computeIfAbsent(covering, b -> {
                            sigs.add(b);
                            return sigs.size() - 1;
                        });
            }
            if (sigOf[c] < 0) {
                continue;
            }
            long key = (long) m * network.categoryCount() + sigOf[c];
            int o = originOf.computeIfAbsent(key, k -> {
                originMun.add(m);
                originSig.add(sigOf[c]);
                originNeeds.add(new IntList());
                return originNeeds.size() - 1;
            });
            originNeeds.get(o).add(n);
        }
        int origins = originNeeds.size();
        int sigCount = sigs.size();

        // ---- the T nodes: (municipality, signature) covered by a service of that signature that
        // is shown as it is, each with its arcs to those services.
        int[] municipalities = network.territories().ofLevel("MUNICIPALITY");
        int[] tIndex = new int[network.territoryCount() * Math.max(1, sigCount)];
        Arrays.fill(tIndex, -1);
        IntList tArcT = new IntList();
        IntList tArcSlot = new IntList();
        int tNodes = 0;
        if (origins > 0) {
            for (int m : municipalities) {
                for (int i = 0; i < services.coveringCount(m); i++) {
                    int k = slot[services.covering(m, i)];
                    if (k < 0 || shown.hides(supply.at(k))) {
                        continue;
                    }
                    for (int g = 0; g < sigCount; g++) {
                        if (sigs.get(g).get(k)) {
                            int at = m * sigCount + g;
                            if (tIndex[at] < 0) {
                                tIndex[at] = tNodes++;
                            }
                            tArcT.add(tIndex[at]);
                            tArcSlot.add(k);
                        }
                    }
                }
            }
        }

        // ---- node numbers: the three weight sources, the origins, the T nodes, the supply, the sink
        int oBase = 3;
        int tBase = oBase + origins;
        int sBase = tBase + tNodes;
        int sink = sBase + supply.size;
        int nodes = sink + 1;
        double scale = FINEST_SCALE;
        while (!MinimumCostFlow.exact(nodes + 1, (long) Math.ceil(q.maxKm() * scale) + 1)) {
            if (scale <= COARSEST_SCALE) {
                throw new IllegalStateException("too many needs and services to allocate exactly");
            }
            scale /= 10;
        }

        // ---- the arcs: origin → T within maxKm, origin → a hidden service at the distance shown
        Arcs arcs = new Arcs();
        long[][] people = new long[3][origins];
        for (int o = 0; o < origins; o++) {
            IntList members = originNeeds.get(o);
            for (int i = 0; i < members.size; i++) {
                int n = members.at(i);
                people[weightClass(needs.urgency(n))][o] += needs.people(n);
            }
        }
        for (int w = 0; w < 3; w++) {
            for (int o = 0; o < origins; o++) {
                if (people[w][o] > 0) {
                    arcs.add(w, oBase + o, people[w][o], 0);
                }
            }
        }
        Map<Integer, IntList> originsAt = new HashMap<>();
        for (int o = 0; o < origins; o++) {
            originsAt.computeIfAbsent(originMun.at(o), k -> new IntList()).add(o);
        }
        double[] nearest = new double[supply.size];
        boolean[] seen = new boolean[supply.size];
        IntList touched = new IntList();
        final double unit = scale;
        for (Map.Entry<Integer, IntList> at : originsAt.entrySet()) {
            int m = at.getKey();
            IntList here = at.getValue();
            boolean hidden = anyHidden;
            network.territories().within(m, q.maxKm(), (mun, d) -> {
                long cost = Math.round(d * unit);
                for (int i = 0; i < here.size; i++) {
                    int o = here.at(i);
                    int t = tIndex[mun * Math.max(1, sigCount) + originSig.at(o)];
                    if (t >= 0) {
                        arcs.add(oBase + o, tBase + t, MinimumCostFlow.UNBOUNDED, cost);
                    }
                }
                if (hidden) {
                    for (int i = 0; i < services.coveringCount(mun); i++) {
                        int k = slot[services.covering(mun, i)];
                        if (k >= 0 && shown.hides(supply.at(k))) {
                            if (!seen[k]) {
                                seen[k] = true;
                                nearest[k] = d;
                                touched.add(k);
                            } else {
                                nearest[k] = Math.min(nearest[k], d);
                            }
                        }
                    }
                }
            });
            for (int j = 0; j < touched.size; j++) {
                int k = touched.at(j);
                seen[k] = false;
                double km = shown.km(supply.at(k), nearest[k]);
                if (km <= q.maxKm()) {
                    for (int i = 0; i < here.size; i++) {
                        int o = here.at(i);
                        if (sigs.get(originSig.at(o)).get(k)) {
                            arcs.add(oBase + o, sBase + k, MinimumCostFlow.UNBOUNDED, Math.round(km * unit));
                        }
                    }
                }
            }
            touched.size = 0;
        }
        for (int i = 0; i < tArcT.size; i++) {
            arcs.add(tBase + tArcT.at(i), sBase + tArcSlot.at(i), MinimumCostFlow.UNBOUNDED, 0);
        }
        for (int k = 0; k < supply.size; k++) {
            arcs.add(sBase + k, sink, services.freePlaces(supply.at(k)), 0);
        }
        long t2 = System.nanoTime();
        trace.phase(
                "network",
                t2 - t1,
                demandNeeds.size + " needs at " + origins + " (municipality, signature) origins, " + sigCount
                        + " signatures, " + tNodes + " T nodes (" + tArcT.size + " T → service arcs); " + nodes
                        + " nodes, " + arcs.size + " arcs, scale "
                        + scale + " per km");

        // ---- weight first: the people of each weight that every optimum places
        long[] flows = new long[arcs.size];
        long[] placedOfWeight = new long[3];
        if (origins > 0 && supply.size > 0) {
            List<MinimumCostFlow.Arc> flowArcs = arcs.list();
            long before = 0;
            for (int w = 0; w < 3; w++) {
                long most = maxFlow(flowArcs, nodes, sink, people, w);
                placedOfWeight[w] = most - before;
                before = most;
            }
            long t3 = System.nanoTime();
            trace.phase(
                    "maximum flows",
                    t3 - t2,
                    "HIGH " + placedOfWeight[0] + ", MEDIUM " + placedOfWeight[1] + ", LOW " + placedOfWeight[2]);
            // ---- then distance: a minimum-cost flow giving exactly those people
            if (before > 0) {
                if (before > Integer.MAX_VALUE) {
                    throw new IllegalStateException("too many people to allocate: " + before);
                }
                int[] supplies = new int[nodes];
                for (int w = 0; w < 3; w++) {
                    supplies[w] = (int) placedOfWeight[w];
                }
                supplies[sink] = (int) -before;
                flows = MinimumCostFlow.flows(supplies, flowArcs);
            }
            trace.phase("minimum-cost flow", System.nanoTime() - t3, "cost scaling");
        }
        long t4 = System.nanoTime();

        // ---- the answer: each T's inflows paired with its outflows; each origin's placed people
        // its needs', by weight then need index, filling its services ascending.
        List<List<long[]>> pieces = new ArrayList<>(origins);
        for (int o = 0; o < origins; o++) {
            pieces.add(new ArrayList<>());
        }
        List<List<long[]>> into = new ArrayList<>(tNodes);
        List<List<long[]>> outOf = new ArrayList<>(tNodes);
        for (int t = 0; t < tNodes; t++) {
            into.add(new ArrayList<>());
            outOf.add(new ArrayList<>());
        }
        long[] originPlaced = new long[3 * origins];
        for (int a = 0; a < arcs.size; a++) {
            long f = flows[a];
            if (f == 0) {
                continue;
            }
            int from = arcs.from[a];
            int to = arcs.to[a];
            if (from < oBase) {
                originPlaced[3 * (to - oBase) + from] = f;
            } else if (from < tBase && to < sBase) {
                into.get(to - tBase).add(new long[] {from - oBase, f});
            } else if (from < tBase && to < sink) {
                pieces.get(from - oBase).add(new long[] {to - sBase, f});
            } else if (from < sBase) {
                outOf.get(from - tBase).add(new long[] {to - sBase, f});
            }
        }
        for (int t = 0; t < tNodes; t++) {
            List<long[]> in = into.get(t);
            List<long[]> out = outOf.get(t);
            int j = 0;
            long leftOut = out.isEmpty() ? 0 : out.get(0)[1];
            for (long[] piece : in) {
                long f = piece[1];
                while (f > 0) {
                    while (leftOut == 0) {
                        leftOut = out.get(++j)[1];
                    }
                    long take = Math.min(f, leftOut);
                    pieces.get((int) piece[0]).add(new long[] {out.get(j)[0], take});
                    f -= take;
                    leftOut -= take;
                }
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        long[] placedOf = new long[needs.count()];
        long[] used = new long[network.serviceCount()];
        long placed = 0;
        long weighted = 0;
        Map<Integer, IntList> wantedAt = new HashMap<>();
        for (int o = 0; o < origins; o++) {
            for (long[] piece : pieces.get(o)) {
                wantedAt.computeIfAbsent(originMun.at(o), m -> new IntList()).add((int) piece[0]);
            }
        }
        Map<Integer, Map<Integer, Double>> kmAt = new HashMap<>();
        for (Map.Entry<Integer, IntList> e : wantedAt.entrySet()) {
            kmAt.put(e.getKey(), distances(e.getKey(), q.maxKm(), shown, supply, slot, e.getValue()));
        }
        for (int o = 0; o < origins; o++) {
            List<long[]> own = pieces.get(o);
            if (own.isEmpty()) {
                continue;
            }
            TreeMap<Integer, Long> bySlot = new TreeMap<>();
            for (long[] piece : own) {
                bySlot.merge((int) piece[0], piece[1], Long::sum);
            }
            // The needs placed: of each weight, in need order, up to the people of that weight placed.
            IntList members = originNeeds.get(o);
            long[] toPlace = {originPlaced[3 * o], originPlaced[3 * o + 1], originPlaced[3 * o + 2]};
            long[] take = new long[members.size];
            for (int i = 0; i < members.size; i++) {
                int n = members.at(i);
                int w = weightClass(needs.urgency(n));
                take[i] = Math.min(needs.people(n), toPlace[w]);
                toPlace[w] -= take[i];
            }
            Map<Integer, Double> km = kmAt.get(originMun.at(o));
            int i = 0;
            for (Map.Entry<Integer, Long> e : bySlot.entrySet()) {
                int sv = supply.at(e.getKey());
                long f = e.getValue();
                while (f > 0) {
                    while (take[i] == 0) {
                        i++;
                    }
                    long x = Math.min(f, take[i]);
                    int n = members.at(i);
                    assignments.add(new Assignment(n, sv, (int) x, km.get(sv)));
                    placedOf[n] += x;
                    used[sv] += x;
                    placed += x;
                    weighted += weight(needs.urgency(n)) * x;
                    f -= x;
                    take[i] -= x;
                }
            }
        }
        assignments.sort(Comparator.comparingInt(Assignment::need).thenComparingInt(Assignment::service));
        double km = 0;
        for (Assignment a : assignments) {
            km += a.people() * a.distanceKm();
        }
        TreeMap<Long, Long> left = new TreeMap<>();
        for (int i = 0; i < demandNeeds.size; i++) {
            int n = demandNeeds.at(i);
            long waiting = needs.people(n) - placedOf[n];
            if (waiting > 0) {
                // Territories and categories are numbered in the order of their ids.
                left.merge((long) needs.territory(n) * network.categoryCount() + needs.category(n), waiting, Long::sum);
            }
        }
        List<Unplaced> unplaced = new ArrayList<>();
        left.forEach((key, count) -> unplaced.add(
                new Unplaced((int) (key / network.categoryCount()), (int) (key % network.categoryCount()), count)));
        List<ServiceUse> uses = new ArrayList<>();
        for (int k = 0; k < supply.size; k++) {
            int s = supply.at(k);
            uses.add(new ServiceUse(s, services.freePlaces(s), used[s]));
        }
        trace.phase("answer", System.nanoTime() - t4, assignments.size() + " assignments");
        return new Result(
                demand, placed, weighted, Math.round(km * 1000) / 1000.0, assignments, unplaced, uses, unknownCapacity);
    }

    /** 0 for HIGH (weight 4), 1 for MEDIUM or none (2), 2 for LOW (1). */
    private static int weightClass(String urgency) {
        return switch (weight(urgency)) {
            case 4 -> 0;
            case 2 -> 1;
            default -> 2;
        };
    }

    /**
     * The most people that can be placed from the needs of weight class {@code upTo} or heavier:
     * a maximum flow from a source (node {@code nodes}) feeding the weight sources.
     */
    private static long maxFlow(List<MinimumCostFlow.Arc> arcs, int nodes, int sink, long[][] people, int upTo) {
        List<MinimumCostFlow.Arc> list = new ArrayList<>(arcs.size() + 3);
        list.addAll(arcs);
        for (int w = 0; w <= upTo; w++) {
            long total = 0;
            for (long p : people[w]) {
                total += p;
            }
            if (total > Integer.MAX_VALUE) {
                throw new IllegalStateException("too many people to allocate: " + total);
            }
            list.add(new MinimumCostFlow.Arc(nodes, w, (int) total, 0));
        }
        return MinimumCostFlow.maxFlow(nodes + 1, list, nodes, sink);
    }

    /**
     * The distance from municipality {@code m}, as shown, of each supply service that {@code
     * wanted} names by its slot: to the nearest municipality it covers within maxKm, as {@link
     * Services#within} measures it.
     */
    private Map<Integer, Double> distances(
            int m, double maxKm, ShownDistance shown, IntList supply, int[] slot, IntList wanted) {
        Map<Integer, Double> nearest = new HashMap<>();
        boolean[] want = new boolean[supply.size];
        for (int i = 0; i < wanted.size; i++) {
            want[wanted.at(i)] = true;
        }
        Services services = network.services();
        network.territories().within(m, maxKm, (mun, d) -> {
            for (int i = 0; i < services.coveringCount(mun); i++) {
                int s = services.covering(mun, i);
                if (slot[s] >= 0 && want[slot[s]]) {
                    nearest.merge(s, d, Math::min);
                }
            }
        });
        nearest.replaceAll(shown::km);
        return nearest;
    }

    /** A growable list of ints. */
    private static final class IntList {
        int size;
        int[] values = new int[8];

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int at(int i) {
            return values[i];
        }
    }

    /** The arcs of the flow, as parallel arrays. */
    private static final class Arcs {
        int size;
        int[] from = new int[1024];
        int[] to = new int[1024];
        long[] capacity = new long[1024];
        long[] cost = new long[1024];

        void add(int f, int t, long cap, long c) {
            if (size == from.length) {
                from = Arrays.copyOf(from, 2 * size);
                to = Arrays.copyOf(to, 2 * size);
                capacity = Arrays.copyOf(capacity, 2 * size);
                cost = Arrays.copyOf(cost, 2 * size);
            }
            from[size] = f;
            to[size] = t;
            capacity[size] = cap;
            cost[size] = c;
            size++;
        }

        /** The arcs as the flow takes them, each capacity at most an int. */
        List<MinimumCostFlow.Arc> list() {
            List<MinimumCostFlow.Arc> list = new ArrayList<>(size + 3);
            for (int a = 0; a < size; a++) {
                int cap = capacity[a] == MinimumCostFlow.UNBOUNDED
                        ? MinimumCostFlow.UNBOUNDED
                        : (int) Math.min(Integer.MAX_VALUE, capacity[a]);
                list.add(new MinimumCostFlow.Arc(from[a], to[a], cap, cost[a]));
            }
            return list;
        }
    }
}
