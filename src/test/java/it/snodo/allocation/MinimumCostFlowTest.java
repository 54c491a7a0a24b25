package it.snodo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.snodo.allocation.MinimumCostFlow.Arc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.junit.jupiter.api.Test;

/** The flows on tiny networks worked by hand, and on random ones judged by JGraphT. */
class MinimumCostFlowTest {

    @Test
    void theCheapPathTakesWhatItsCapacityAllows() {
        // 2 units from 0 to 2: through 1 at cost 5 (capacity 1), or straight at cost 1000.
        long[] flows = MinimumCostFlow.flows(
                new int[] {2, 0, -2},
                List.of(
                        new Arc(0, 1, MinimumCostFlow.UNBOUNDED, 5),
                        new Arc(0, 2, MinimumCostFlow.UNBOUNDED, 1000),
                        new Arc(1, 2, 1, 0)));
        assertThat(flows).containsExactly(1, 1, 1);
    }

    @Test
    void aCheaperDetourIsTakenOverADirectArc() {
        // 3 units from 0 to 3: straight at 10 each, or 0 → 1 → 2 → 3 at 1 + 1 + 1 with room for 2.
        long[] flows = MinimumCostFlow.flows(
                new int[] {3, 0, 0, -3},
                List.of(new Arc(0, 3, 5, 10), new Arc(0, 1, 2, 1), new Arc(1, 2, 5, 1), new Arc(2, 3, 5, 1)));
        assertThat(flows).containsExactly(1, 2, 2, 2);
    }

    @Test
    void suppliesMustBalanceCostsStayExactAndAFlowMustExist() {
        assertThatThrownBy(() -> MinimumCostFlow.flows(new int[] {1, 0}, List.of(new Arc(0, 1, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Arc(0, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumCostFlow.flows(new int[] {1, -1}, List.of(new Arc(0, 1, 1, 1L << 58))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumCostFlow.flows(new int[] {1, -1}, List.of(new Arc(0, 1, 0, 0))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MinimumCostFlow.exact(10, 1L << 50)).isTrue();
        assertThat(MinimumCostFlow.exact(1000, 1L << 50)).isFalse();
    }

    @Test
    void randomNetworksCostWhatJGraphTFinds() {
        Random random = new Random(17);
        int feasible = 0;
        int infeasible = 0;
        for (int round = 0; round < 400; round++) {
            int n = 2 + random.nextInt(12);
            int[] supplies = new int[n];
            int units = 1 + random.nextInt(20);
            for (int u = 0; u < units; u++) {
                supplies[random.nextInt(n)]++;
                supplies[random.nextInt(n)]--;
            }
            List<Arc> arcs = new ArrayList<>();
            int m = random.nextInt(4 * n);
            for (int i = 0; i < m; i++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                if (from == to) {
                    continue;
                }
                int capacity = random.nextInt(5) == 0 ? MinimumCostFlow.UNBOUNDED : random.nextInt(8);
                long cost = random.nextInt(3) == 0 ? random.nextInt(3) : random.nextInt(1_000_000);
                arcs.add(new Arc(from, to, capacity, cost));
            }
            Long judged = judge(supplies, arcs);
            if (judged == null) {
                infeasible++;
                assertThatThrownBy(() -> MinimumCostFlow.flows(supplies, arcs))
                        .as("round %d", round)
                        .isInstanceOf(IllegalStateException.class);
                continue;
            }
            feasible++;
            long[] flows = MinimumCostFlow.flows(supplies, arcs);
            long[] balance = new long[n];
            long cost = 0;
            for (int i = 0; i < arcs.size(); i++) {
                Arc a = arcs.get(i);
                assertThat(flows[i]).as("round %d arc %d", round, i).isNotNegative();
                if (a.capacity() != MinimumCostFlow.UNBOUNDED) {
                    assertThat(flows[i]).as("round %d arc %d", round, i).isLessThanOrEqualTo(a.capacity());
                }
                balance[a.from()] += flows[i];
                balance[a.to()] -= flows[i];
                cost += flows[i] * a.cost();
            }
            for (int v = 0; v < n; v++) {
                assertThat(balance[v]).as("round %d node %d", round, v).isEqualTo(supplies[v]);
            }
            assertThat(cost).as("round %d", round).isEqualTo(judged);
        }
        assertThat(feasible).isGreaterThan(100);
        assertThat(infeasible).isGreaterThan(20);
    }

    @Test
    void theMaximumFlowIsJGraphTs() {
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(10);
            List<Arc> arcs = new ArrayList<>();
            org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultWeightedEdge> graph =
                    new org.jgrapht.graph.SimpleDirectedWeightedGraph<>(org.jgrapht.graph.DefaultWeightedEdge.class);
            for (int v = 0; v < n; v++) {
                graph.addVertex(v);
            }
            for (int i = 0; i < 3 * n; i++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                if (from != to && !graph.containsEdge(from, to)) {
                    int capacity = random.nextInt(10);
                    arcs.add(new Arc(from, to, capacity, random.nextInt(5)));
                    graph.setEdgeWeight(graph.addEdge(from, to), capacity);
                }
            }
            double judged = new org.jgrapht.alg.flow.PushRelabelMFImpl<>(graph).getMaximumFlowValue(0, n - 1);
            assertThat(MinimumCostFlow.maxFlow(n, arcs, 0, n - 1))
                    .as("round %d", round)
                    .isEqualTo((long) judged);
        }
    }

    /** JGraphT's least cost, or null when it finds no flow that meets the supplies. */
    private static Long judge(int[] supplies, List<Arc> arcs) {
        Graph<Integer, Integer> graph = GraphTypeBuilder.<Integer, Integer>directed()
                .allowingMultipleEdges(true)
                .allowingSelfLoops(false)
                .weighted(true)
                .buildGraph();
        for (int v = 0; v < supplies.length; v++) {
            graph.addVertex(v);
        }
        for (int i = 0; i < arcs.size(); i++) {
            graph.addEdge(arcs.get(i).from(), arcs.get(i).to(), i);
            graph.setEdgeWeight(i, arcs.get(i).cost());
        }
        var problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<Integer, Integer>(
                graph,
                v -> supplies[v],
                e -> arcs.get(e).capacity() == MinimumCostFlow.UNBOUNDED
                        ? CapacityScalingMinimumCostFlow.CAP_INF
                        : arcs.get(e).capacity(),
                e -> 0,
                e -> (double) arcs.get(e).cost());
        try {
            var flow = new CapacityScalingMinimumCostFlow<Integer, Integer>().getMinimumCostFlow(problem);
            long cost = 0;
            for (var e : flow.getFlowMap().entrySet()) {
                cost += Math.round(e.getValue()) * arcs.get(e.getKey()).cost();
            }
            return cost;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
