package it.snodo.allocation;

import it.snodo.engine.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The allocation as JGraphT's capacity scaling finds it over the plainest network: one node per
 * need, an arc for every pair the definition allows. The judge of {@link FlowAllocation} in the
 * tests, and its yardstick in {@code AllocationBench}.
 */
public final class DirectAllocation {

    private DirectAllocation() {}

    /**
     * {Σ weight · x, Σ x · km} of the allocation JGraphT finds over one node per need and an arc for
     * every pair the definition allows (its cost the distance shown, in metres), with each need's
     * unplaced people going to the sink at its weight times a constant larger than any change of
     * distance: a formulation independent of the allocation's own.
     */
    public static double[] judge(Network n, FlowAllocation.Query q, FlowAllocation.ShownDistance shown) {
        org.jgrapht.Graph<Integer, Integer> graph =
                org.jgrapht.graph.builder.GraphTypeBuilder.<Integer, Integer>directed()
                        .allowingMultipleEdges(true)
                        .allowingSelfLoops(false)
                        .weighted(true)
                        .buildGraph();
        int needs = n.needCount();
        int sink = needs + n.serviceCount();
        for (int v = 0; v <= sink; v++) {
            graph.addVertex(v);
        }
        List<double[]> arcs = new ArrayList<>(); // from, to, capacity, cost, km
        long people = 0;
        int[] supply = new int[sink + 1];
        long big = 2L * Math.max(1, Math.min(n.needCount(), n.serviceCount())) * Math.round(q.maxKm() * 1000 + 1) + 1;
        for (int i = 0; i < needs; i++) {
            int m = n.needs().territory(i);
            if (!n.categories().isWithin(n.needs().category(i), q.category())) {
                continue;
            }
            supply[i] = n.needs().people(i);
            people += supply[i];
            arcs.add(new double[] {i, sink, -1, FlowAllocation.weight(n.needs().urgency(i)) * big, 0});
            Map<Integer, Double> within = n.services().within(m, q.maxKm());
            for (int s = 0; s < n.serviceCount(); s++) {
                Integer free = n.services().freePlaces(s);
                if (free != null
                        && free > 0
                        && within.containsKey(s)
                        && shown.km(s, within.get(s)) <= q.maxKm()
                        && n.services().coversCategory(s, q.category())
                        && n.services().coversCategory(s, n.needs().category(i))) {
                    double km = shown.km(s, within.get(s));
                    arcs.add(new double[] {i, needs + s, -1, Math.round(km * 1000), km});
                }
            }
        }
        for (int s = 0; s < n.serviceCount(); s++) {
            Integer free = n.services().freePlaces(s);
            if (free != null && free > 0 && n.services().coversCategory(s, q.category())) {
                arcs.add(new double[] {needs + s, sink, free, 0, 0});
            }
        }
        supply[sink] = (int) -people;
        for (int e = 0; e < arcs.size(); e++) {
            graph.addEdge((int) arcs.get(e)[0], (int) arcs.get(e)[1], e);
            graph.setEdgeWeight(e, arcs.get(e)[3]);
        }
        var problem =
                new org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl<Integer, Integer>(
                        graph,
                        v -> supply[v],
                        e -> arcs.get(e)[2] < 0
                                ? org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow.CAP_INF
                                : (int) arcs.get(e)[2],
                        e -> 0,
                        e -> arcs.get(e)[3]);
        var flow = new org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow<Integer, Integer>()
                .getMinimumCostFlow(problem);
        double weight = 0;
        double km = 0;
        for (var e : flow.getFlowMap().entrySet()) {
            double[] a = arcs.get(e.getKey());
            long x = Math.round(e.getValue());
            if (x > 0 && a[1] != sink) {
                weight += x * FlowAllocation.weight(n.needs().urgency((int) a[0]));
                km += x * a[4];
            }
        }
        return new double[] {weight, Math.round(km * 1000) / 1000.0};
    }
}
