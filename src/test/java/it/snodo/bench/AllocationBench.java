package it.snodo.bench;

import it.snodo.allocation.DirectAllocation;
import it.snodo.allocation.FlowAllocation;
import it.snodo.engine.Network;
import it.snodo.network.NetworkDocument;
import java.util.Locale;

/**
 * Times one allocation (docs/design.md, "Allocation") on a generated network: the top-level
 * category with the most needs, at maxKm 25, over every territory. No Neo4j: the snapshot is built
 * from the generator's rows as {@link EngineBench} builds it.
 *
 * <pre>java -Xmx8g -cp … it.snodo.bench.AllocationBench M [judge]</pre>
 *
 * <p>With {@code judge}, each run first times {@link DirectAllocation} (JGraphT over one arc per
 * need → service pair) on the same question: the ratio in one run, on a noisy machine.
 */
public final class AllocationBench {

    private AllocationBench() {}

    public static void main(String[] args) {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        NetworkDocument doc = NetworkGenerator.generate(scale, 42);
        Network net = EngineBench.build(doc);
        System.out.println("generated " + NetworkGenerator.describe(doc));
        int best = -1;
        int bestNeeds = -1;
        for (int c = 0; c < net.categoryCount(); c++) {
            if (net.categories().parent(c) >= 0) {
                continue;
            }
            int count = 0;
            for (int n = 0; n < net.needCount(); n++) {
                if (net.categories().isWithin(net.needs().category(n), c)) {
                    count++;
                }
            }
            if (count > bestNeeds) {
                best = c;
                bestNeeds = count;
            }
        }
        int services = 0;
        for (int s = 0; s < net.serviceCount(); s++) {
            if (net.services().coversCategory(s, best)) {
                services++;
            }
        }
        FlowAllocation allocation = new FlowAllocation(net);
        FlowAllocation.Query q = new FlowAllocation.Query(best, 25, -1);
        boolean judge = args.length > 1 && "judge".equals(args[1]);
        for (int run = 0; run < 3; run++) {
            if (judge) {
                // The yardstick in the same run: JGraphT over one arc per need → service pair.
                long start = System.nanoTime();
                double[] direct = DirectAllocation.judge(net, q, FlowAllocation.ShownDistance.AS_IS);
                System.out.printf(
                        Locale.ROOT,
                        "JGraphT over every pair: weightedPlaced %.0f, peopleKm %.3f in %.0f ms%n",
                        direct[0],
                        direct[1],
                        (System.nanoTime() - start) / 1e6);
            }
            long start = System.nanoTime();
            FlowAllocation.Result r = allocation.allocate(
                    q,
                    FlowAllocation.ShownDistance.AS_IS,
                    (phase, nanos, detail) ->
                            System.out.printf(Locale.ROOT, "  %-16s %9.1f ms  %s%n", phase, nanos / 1e6, detail));
            System.out.printf(
                    Locale.ROOT,
                    "allocation %s: %d needs, %d covering services; demand %d, placed %d, weightedPlaced %d,"
                            + " %d assignments, peopleKm %.3f in %.0f ms%n",
                    net.categoryCode(best),
                    bestNeeds,
                    services,
                    r.demand(),
                    r.placed(),
                    r.weightedPlaced(),
                    r.assignments().size(),
                    r.peopleKm(),
                    (System.nanoTime() - start) / 1e6);
        }
    }
}
