package it.snodo.allocation;

import java.util.List;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * A minimum-cost flow over integers: nodes 0..n-1 with supplies (positive: the node gives that
 * much; negative: it takes that much; summing to 0), and arcs with a capacity and a cost per unit.
 * The flow that meets every supply at the least total cost, by JGraphT's successive shortest paths
 * with capacity scaling ({@link CapacityScalingMinimumCostFlow}; Edmonds and Karp, "Theoretical
 * improvements in algorithmic efficiency for network flow problems", J. ACM 1972; Ahuja, Magnanti
 * and Orlin, "Network Flows", 1993, ch. 10). The allocation of free places and the skills exchange
 * both reduce to it.
 *
 * <p>JGraphT computes in doubles: costs are kept exact while every sum it forms stays below
 * 2<sup>53</sup>, which {@link #flows} checks ({@code (nodes + total supply) × largest cost} below
 * 2<sup>52</sup>); and it takes a cost of 10<sup>9</sup> or more for an arc it may not use, so
 * costs are at most {@link #MAX_COST}.
 */
public final class MinimumCostFlow {

    /** The capacity of an arc with no bound. */
    public static final int UNBOUNDED = -1;

    /**
     * The largest cost an arc may have: JGraphT takes a cost of {@link
     * CapacityScalingMinimumCostFlow#COST_INF} (10<sup>9</sup>) or more for an arc it may not use.
     */
    public static final long MAX_COST = (long) CapacityScalingMinimumCostFlow.COST_INF - 1;

    private static final long EXACT = 1L << 52;

    /**
     * An arc from node {@code from} to node {@code to}: at most {@code capacity} units
     * ({@link #UNBOUNDED} for no bound), each costing {@code cost} (0 to {@link #MAX_COST}).
     */
    public record Arc(int from, int to, int capacity, long cost) {
        public Arc {
            if (capacity < 0 && capacity != UNBOUNDED) {
                throw new IllegalArgumentException("a capacity must be 0 or more, or UNBOUNDED");
            }
            if (cost < 0 || cost > MAX_COST) {
                throw new IllegalArgumentException("a cost must be between 0 and " + MAX_COST);
            }
        }
    }

    private MinimumCostFlow() {}

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
        if (largest > 0 && (n + given) > EXACT / largest) {
            throw new IllegalArgumentException("the costs are too large to stay exact in doubles");
        }
        long[] flows = new long[arcs.size()];
        if (arcs.isEmpty()) {
            if (given > 0) {
                throw new IllegalStateException("no flow meets the supplies");
            }
            return flows;
        }
        Graph<Integer, Integer> graph = GraphTypeBuilder.<Integer, Integer>directed()
                .allowingMultipleEdges(true)
                .allowingSelfLoops(false)
                .weighted(true)
                .buildGraph();
        for (int v = 0; v < n; v++) {
            graph.addVertex(v);
        }
        for (int i = 0; i < arcs.size(); i++) {
            graph.addEdge(arcs.get(i).from(), arcs.get(i).to(), i);
            // CapacityScalingMinimumCostFlow 1.5.3 reads each arc's cost as the edge's weight,
            // whatever cost function the problem is given: both say it.
            graph.setEdgeWeight(i, arcs.get(i).cost());
        }
        MinimumCostFlowProblem<Integer, Integer> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph,
                v -> supplies[v],
                e -> {
                    int c = arcs.get(e).capacity();
                    return c == UNBOUNDED ? CapacityScalingMinimumCostFlow.CAP_INF : c;
                },
                e -> 0,
                e -> (double) arcs.get(e).cost());
        MinimumCostFlowAlgorithm.MinimumCostFlow<Integer> flow;
        try {
            flow = new CapacityScalingMinimumCostFlow<Integer, Integer>().getMinimumCostFlow(problem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("no flow meets the supplies: " + e.getMessage(), e);
        }
        flow.getFlowMap().forEach((e, units) -> flows[e] = Math.round(units));
        return flows;
    }
}
