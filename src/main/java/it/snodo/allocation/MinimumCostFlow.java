package it.snodo.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A minimum-cost flow over integers: nodes 0..n-1 with supplies (positive: the node gives that
 * much; negative: it takes that much; summing to 0), and arcs with a capacity and a cost per unit.
 * The flow that meets every supply at the least total cost. The allocation of free places and the
 * skills exchange both reduce to it.
 *
 * <p>Solved by cost scaling with push and relabel over int and long arrays (Goldberg and Tarjan,
 * "Finding minimum-cost circulations by successive approximation", Math. Oper. Res. 1990; Goldberg,
 * "An efficient implementation of a scaling minimum-cost flow algorithm", J. Algorithms 1997), after
 * a maximum flow (Dinic) has shown that the supplies can be met at all. It replaced JGraphT's
 * {@code CapacityScalingMinimumCostFlow}, which did not end within 400 s on the allocation at scale
 * M (22,435 nodes, 1.77 million arcs; docs/benchmarks.md, "Allocation"); JGraphT stays its judge in
 * the tests. Costs are multiplied by n + 1, so that a flow ε-optimal for ε = 1 is optimal; every
 * sum stays exact in a long while {@link #exact} holds, which {@link #flows} checks.
 */
public final class MinimumCostFlow {

    /** The capacity of an arc with no bound. */
    public static final int UNBOUNDED = -1;

    /** How much ε shrinks from one refinement to the next. */
    private static final int ALPHA = 16;

    /**
     * An arc from node {@code from} to node {@code to}: at most {@code capacity} units
     * ({@link #UNBOUNDED} for no bound), each costing {@code cost} (0 or more).
     */
    public record Arc(int from, int to, int capacity, long cost) {
        public Arc {
            if (capacity < 0 && capacity != UNBOUNDED) {
                throw new IllegalArgumentException("a capacity must be 0 or more, or UNBOUNDED");
            }
            if (cost < 0) {
                throw new IllegalArgumentException("a cost must be 0 or more");
            }
        }
    }

    private MinimumCostFlow() {}

    /**
     * Whether a network of {@code nodes} nodes whose largest arc cost is {@code largestCost} is
     * solved exactly: the scaled costs, the prices (which fall by at most 3nε in a refinement, so
     * by less than 4n(n + 1)·largestCost in all) and the reduced costs stay within a long.
     */
    public static boolean exact(int nodes, long largestCost) {
        double n = nodes + 1.0;
        return largestCost >= 0 && 16.0 * n * n * largestCost < 0x1p62;
    }

    /**
     * The flow of least total cost that meets every supply, as the units on each arc, in the order
     * of {@code arcs}.
     *
     * @param supplies each node's supply: positive gives, negative takes; they must sum to 0
     * @throws IllegalArgumentException when the supplies do not sum to 0, an arc names a node
     *     outside 0..n-1 or joins a node to itself, or the costs are too large to stay exact
     * @throws IllegalStateException when no flow meets the supplies within the capacities
     */
    public static long[] flows(int[] supplies, List<Arc> arcs) {
        Objects.requireNonNull(supplies, "supplies");
        Objects.requireNonNull(arcs, "arcs");
        int n = supplies.length;
        long sum = 0;
        long given = 0;
        for (int s : supplies) {
            sum += s;
            given += Math.max(0, s);
        }
        if (sum != 0) {
            throw new IllegalArgumentException("the supplies sum to " + sum + ", not 0");
        }
        long largest = 0;
        for (Arc a : arcs) {
            if (a.from() < 0 || a.from() >= n || a.to() < 0 || a.to() >= n || a.from() == a.to()) {
                throw new IllegalArgumentException("an arc must join two distinct nodes of 0.." + (n - 1));
            }
            largest = Math.max(largest, a.cost());
        }
        if (!exact(n, largest)) {
            throw new IllegalArgumentException("the costs are too large to stay exact");
        }
        return solve(supplies, arcs, given, largest);
    }

    /**
     * The most units that can go from {@code source} to {@code sink} along the arcs, costs aside
     * (Dinic's algorithm). The arcs out of the source must be bounded, and their capacities sum
     * to an int at most.
     */
    public static long maxFlow(int nodes, List<Arc> arcs, int source, int sink) {
        Objects.requireNonNull(arcs, "arcs");
        if (source < 0 || source >= nodes || sink < 0 || sink >= nodes || source == sink) {
            throw new IllegalArgumentException(
                    "the source and the sink must be two distinct nodes of 0.." + (nodes - 1));
        }
        long out = 0;
        for (Arc a : arcs) {
            if (a.from() < 0 || a.from() >= nodes || a.to() < 0 || a.to() >= nodes || a.from() == a.to()) {
                throw new IllegalArgumentException("an arc must join two distinct nodes of 0.." + (nodes - 1));
            }
            if (a.from() == source) {
                if (a.capacity() == UNBOUNDED) {
                    throw new IllegalArgumentException("the arcs out of the source must be bounded");
                }
                out += a.capacity();
            }
        }
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the arcs out of the source carry more than an int");
        }
        int[] supplies = new int[nodes];
        supplies[source] = (int) out;
        supplies[sink] = (int) -out;
        return new Residual(supplies, arcs, out).maxFlow();
    }

    private static long[] solve(int[] supplies, List<Arc> arcs, long given, long largest) {
        Residual g = new Residual(supplies, arcs, given);
        if (g.maxFlow() < given) {
            throw new IllegalStateException("no flow meets the supplies");
        }
        g.minimiseCost(Math.max(1, largest * (supplies.length + 1L)));
        return g.flows();
    }

    /**
     * The residual network in forward-star form: arc a runs from its tail to {@code head[a]}, with
     * {@code res[a]} units left and a cost; {@code pair[a]} is its reverse. Nodes n and n + 1 are a
     * source and a sink for the maximum flow, joined to the nodes that give and take.
     */
    private static final class Residual {
        private final int n;
        private final int[] first;
        private final int[] head;
        private final int[] pair;
        private final long[] res;
        private final long[] cost;
        private final int[] forward;
        private final long[] capacity;
        private final long[] excess;
        private final long[] price;

        Residual(int[] supplies, List<Arc> arcs, long given) {
            n = supplies.length;
            int nodes = n + 2;
            int m = arcs.size();
            int ends = 0;
            for (int s : supplies) {
                ends += s != 0 ? 1 : 0;
            }
            int total = 2 * (m + ends);
            first = new int[nodes + 1];
            head = new int[total];
            pair = new int[total];
            res = new long[total];
            cost = new long[total];
            forward = new int[m];
            capacity = new long[m];
            for (Arc a : arcs) {
                first[a.from() + 1]++;
                first[a.to() + 1]++;
            }
            for (int v = 0; v < n; v++) {
                if (supplies[v] > 0) {
                    first[n + 1]++;
                    first[v + 1]++;
                } else if (supplies[v] < 0) {
                    first[v + 1]++;
                    first[n + 2]++;
                }
            }
            for (int v = 0; v < nodes; v++) {
                first[v + 1] += first[v];
            }
            int[] fill = Arrays.copyOf(first, nodes);
            long scale = n + 1L;
            for (int i = 0; i < m; i++) {
                Arc a = arcs.get(i);
                long cap = a.capacity() == UNBOUNDED ? given : a.capacity();
                capacity[i] = cap;
                int f = fill[a.from()]++;
                int r = fill[a.to()]++;
                link(f, a.to(), r, cap, a.cost() * scale);
                link(r, a.from(), f, 0, -a.cost() * scale);
                forward[i] = f;
            }
            for (int v = 0; v < n; v++) {
                int from = supplies[v] > 0 ? n : v;
                int to = supplies[v] > 0 ? v : n + 1;
                if (supplies[v] != 0) {
                    int f = fill[from]++;
                    int r = fill[to]++;
                    link(f, to, r, Math.abs((long) supplies[v]), 0);
                    link(r, from, f, 0, 0);
                }
            }
            excess = new long[nodes];
            price = new long[nodes];
        }

        private void link(int a, int to, int reverse, long units, long unitCost) {
            head[a] = to;
            pair[a] = reverse;
            res[a] = units;
            cost[a] = unitCost;
        }

        /** Dinic's maximum flow from the source (n) to the sink (n + 1), left in the residual. */
        long maxFlow() {
            int nodes = n + 2;
            int source = n;
            int sink = n + 1;
            int[] level = new int[nodes];
            int[] queue = new int[nodes];
            int[] current = new int[nodes];
            int[] stack = new int[nodes];
            long total = 0;
            while (true) {
                Arrays.fill(level, -1);
                level[source] = 0;
                int qh = 0;
                int qt = 0;
                queue[qt++] = source;
                while (qh < qt) {
                    int v = queue[qh++];
                    for (int a = first[v]; a < first[v + 1]; a++) {
                        if (res[a] > 0 && level[head[a]] < 0) {
                            level[head[a]] = level[v] + 1;
                            queue[qt++] = head[a];
                        }
                    }
                }
                if (level[sink] < 0) {
                    break;
                }
                System.arraycopy(first, 0, current, 0, nodes);
                // Blocking flow by depth-first search kept on an explicit stack of arcs.
                while (true) {
                    int depth = 0;
                    int v = source;
                    while (v != sink) {
                        int a = current[v];
                        while (a < first[v + 1] && (res[a] == 0 || level[head[a]] != level[v] + 1)) {
                            a++;
                        }
                        current[v] = a;
                        if (a == first[v + 1]) {
                            if (v == source) {
                                break;
                            }
                            level[v] = -1;
                            v = depth > 0 ? tailOf(stack[--depth]) : source;
                            continue;
                        }
                        stack[depth++] = a;
                        v = head[a];
                    }
                    if (v != sink) {
                        break;
                    }
                    long push = Long.MAX_VALUE;
                    for (int i = 0; i < depth; i++) {
                        push = Math.min(push, res[stack[i]]);
                    }
                    for (int i = 0; i < depth; i++) {
                        res[stack[i]] -= push;
                        res[pair[stack[i]]] += push;
                    }
                    total += push;
                }
            }
            return total;
        }

        private int tailOf(int a) {
            return head[pair[a]];
        }

        /**
         * From the feasible flow the maximum flow left, the cheapest: refinements of ε-optimal flows
         * with ε falling by {@link #ALPHA} down to 1, each by push and relabel on the active nodes in
         * first-in, first-out order. The source and the sink are left out: their arcs are full.
         */
        void minimiseCost(long start) {
            long epsilon = start;
            int[] queue = new int[n];
            boolean[] queued = new boolean[n];
            int[] current = new int[n];
            long limit = Long.MAX_VALUE / 4;
            do {
                epsilon = Math.max(1, epsilon / ALPHA);
                // Saturate every arc of negative reduced cost: the flow is then 0-optimal but may
                // leave excesses and deficits.
                for (int v = 0; v < n; v++) {
                    for (int a = first[v]; a < first[v + 1]; a++) {
                        int w = head[a];
                        if (w < n && res[a] > 0 && cost[a] + price[v] - price[w] < 0) {
                            long units = res[a];
                            res[a] = 0;
                            res[pair[a]] += units;
                            excess[v] -= units;
                            excess[w] += units;
                        }
                    }
                }
                int qh = 0;
                int qt = 0;
                int size = 0;
                for (int v = 0; v < n; v++) {
                    current[v] = first[v];
                    if (excess[v] > 0) {
                        queue[qt] = v;
                        qt = qt + 1 == n ? 0 : qt + 1;
                        size++;
                        queued[v] = true;
                    }
                }
                while (size > 0) {
                    int v = queue[qh];
                    qh = qh + 1 == n ? 0 : qh + 1;
                    size--;
                    queued[v] = false;
                    long pv = price[v];
                    while (excess[v] > 0) {
                        int a = current[v];
                        int end = first[v + 1];
                        for (; a < end; a++) {
                            int w = head[a];
                            if (w < n && res[a] > 0 && cost[a] + pv - price[w] < 0) {
                                // Look ahead: a node that could pass nothing on is relabelled
                                // rather than pushed to (Goldberg 1997, section 5.3).
                                if (excess[w] >= 0 && !admissibleOut(w, current)) {
                                    relabel(w, epsilon, limit);
                                    current[w] = first[w];
                                    if (cost[a] + pv - price[w] >= 0) {
                                        continue;
                                    }
                                }
                                long units = Math.min(excess[v], res[a]);
                                res[a] -= units;
                                res[pair[a]] += units;
                                excess[v] -= units;
                                excess[w] += units;
                                if (excess[w] > 0 && !queued[w]) {
                                    queued[w] = true;
                                    queue[qt] = w;
                                    qt = qt + 1 == n ? 0 : qt + 1;
                                    size++;
                                }
                                if (excess[v] == 0) {
                                    break;
                                }
                            }
                        }
                        current[v] = Math.min(a, end);
                        if (excess[v] > 0) {
                            if (!relabel(v, epsilon, limit)) {
                                throw new IllegalStateException("the flow could not be made cheapest: no way on");
                            }
                            pv = price[v];
                            current[v] = first[v];
                        }
                    }
                }
            } while (epsilon > 1);
        }

        /** True when w has an admissible arc, from its current one on (which it then points at). */
        private boolean admissibleOut(int w, int[] current) {
            long pw = price[w];
            int end = first[w + 1];
            for (int b = current[w]; b < end; b++) {
                int x = head[b];
                if (x < n && res[b] > 0 && cost[b] + pw - price[x] < 0) {
                    current[w] = b;
                    return true;
                }
            }
            return false;
        }

        /**
         * Lowers w's price to the highest that leaves every residual arc of w at a reduced cost of
         * −ε or more, and one at exactly −ε; false (and nothing done) when w has no residual arc.
         */
        private boolean relabel(int w, long epsilon, long limit) {
            long best = Long.MIN_VALUE;
            for (int b = first[w]; b < first[w + 1]; b++) {
                int x = head[b];
                if (x < n && res[b] > 0) {
                    best = Math.max(best, price[x] - cost[b]);
                }
            }
            if (best == Long.MIN_VALUE) {
                return false;
            }
            if (best - epsilon < -limit) {
                throw new IllegalStateException("the flow could not be made cheapest: prices ran away");
            }
            price[w] = best - epsilon;
            return true;
        }

        long[] flows() {
            long[] flows = new long[forward.length];
            for (int i = 0; i < forward.length; i++) {
                flows[i] = capacity[i] - res[forward[i]];
            }
            return flows;
        }
    }
}
