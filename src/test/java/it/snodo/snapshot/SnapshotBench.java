package it.snodo.snapshot;

import it.snodo.bench.NetworkGenerator;
import it.snodo.engine.Network;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times the snapshot's load from Neo4j alone, each way of reading it interleaved with the others
 * in one run (the machine is noisy): the generated network imported through the real import
 * path into a fresh embedded Neo4j, as {@code Benchmark} does, then each reader several times.
 *
 * <pre>
 * java -Xmx7g … it.snodo.snapshot.SnapshotBench M 7 before,bolt,embedded [jfr=bolt]
 * </pre>
 *
 * Readers: {@code before} (the reads as they were before issue 17 item 8), {@code bolt} (the
 * loader over the Driver), {@code embedded} (the loader in-process), {@code rebuild} (the
 * service's whole rebuild, {@code Snapshots.rebuildNow}: load and analyses). Every reader's
 * network is checked equal to the first's.
 */
public final class SnapshotBench {

    private static String describe(org.neo4j.driver.summary.Plan plan, String indent) {
        StringBuilder sb = new StringBuilder(indent + plan.operatorType() + " "
                + plan.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL) + "\n");
        for (var child : plan.children()) {
            sb.append(describe(child, indent + "  "));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> names = List.of((args.length > 2 ? args[2] : "before,bolt,embedded").split(","));
        String profiled = args.length > 3 && args[3].startsWith("jfr=") ? args[3].substring(4) : null;

        long t0 = System.nanoTime();
        NetworkDocument doc = NetworkGenerator.generate(scale, 1);
        System.out.printf(
                "Generated %s in %.1f s: %s%n", scale, (System.nanoTime() - t0) / 1e9, NetworkGenerator.describe(doc));
        Path home = Files.createTempDirectory(Path.of("target"), "snapbench-neo4j-" + scale);
        String pageCache = scale == NetworkGenerator.Scale.S ? "128MB" : "1GB";
        try (ConfigurableApplicationContext app = it.snodo.bench.Benchmark.start(home, pageCache)) {
            t0 = System.nanoTime();
            app.getBean(NetworkImport.class).importDocument(doc);
            System.out.printf("Imported in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Driver driver = app.getBean(Driver.class);
            try (var session = driver.session()) {
                for (String q : List.of(
                        "MATCH (n:Need)-[:OF_KIND]->(c:Category) MATCH (n)-[:LOCATED_IN]->(t:Territory)"
                                + " RETURN n.id, c.code, t.id, n.people, n.urgency ORDER BY n.id",
                        "MATCH (p:Actor)-[:PROVIDES]->(s:Service) RETURN s.id, s.name, p.id,"
                                + " COLLECT { MATCH (s)-[:AVAILABLE_IN]->(t:Territory) RETURN t.id } ORDER BY s.id")) {
                    var plan = session.run("EXPLAIN " + q).consume().plan();
                    System.out.println("EXPLAIN " + q + "\n" + describe(plan, ""));
                }
            }
            SnapshotLoader loader = app.getBean(SnapshotLoader.class);
            Snapshots snapshots = app.getBean(Snapshots.class);
            Map<String, Supplier<Network>> readers = new LinkedHashMap<>();
            readers.put("before", () -> BeforeLoader.load(driver));
            readers.put("loader", loader::load);
            readers.put("rebuild", () -> snapshots.rebuildNow().network());
            for (Map.Entry<String, Supplier<Network>> e :
                    SnapshotLoaderVariants.of(app).entrySet()) {
                readers.put(e.getKey(), e.getValue());
            }
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, List<Double>> cpus = new LinkedHashMap<>();
            var cpu = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            String reference = null;
            Recording recording = null;
            if (profiled != null) {
                recording = new Recording(Configuration.getConfiguration("profile"));
            }
            for (int round = 0; round <= rounds; round++) {
                for (String name : names) {
                    Supplier<Network> reader = readers.get(name);
                    if (reader == null) {
                        throw new IllegalArgumentException("no reader " + name + "; there are " + readers.keySet());
                    }
                    boolean profile = recording != null && name.equals(profiled) && round > 0;
                    if (profile) {
                        recording.start();
                    }
                    long s = System.nanoTime();
                    long cpu0 = cpu.getProcessCpuTime();
                    Network n = reader.get();
                    double ms = (System.nanoTime() - s) / 1e6;
                    double cpuMs = (cpu.getProcessCpuTime() - cpu0) / 1e6;
                    if (profile) {
                        recording.stop();
                        Path out = Path.of("target", "snapbench-" + name + "-" + round + ".jfr");
                        recording.dump(out);
                        recording.close();
                        recording = new Recording(Configuration.getConfiguration("profile"));
                    }
                    String print = NetworkPrint.of(n);
                    if (reference == null) {
                        reference = print;
                    } else if (!reference.equals(print)) {
                        throw new IllegalStateException(name + " read another network than " + names.get(0));
                    }
                    if (round > 0) { // round 0 warms up
                        times.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
                        cpus.computeIfAbsent(name, k -> new ArrayList<>()).add(cpuMs);
                    }
                    System.out.printf(
                            Locale.ROOT, "round %d %-12s %8.0f ms (process CPU %6.0f ms)%n", round, name, ms, cpuMs);
                }
            }
            System.out.printf("%nScale %s, %d rounds after a warm-up, interleaved:%n", scale, rounds);
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                double[] t = e.getValue().stream()
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
                double[] c = cpus.get(e.getKey()).stream()
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
                System.out.printf(
                        Locale.ROOT,
                        "%-12s p50 %7.0f ms  min %7.0f ms  max %7.0f ms   process CPU p50 %7.0f ms%n",
                        e.getKey(),
                        t[t.length / 2],
                        t[0],
                        t[t.length - 1],
                        c[c.length / 2]);
            }
        }
    }
}
