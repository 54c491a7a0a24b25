package it.snodo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.snodo.SnodoApplication;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.network.Need;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkStore;
import it.snodo.network.Service;
import it.snodo.network.Urgency;
import it.snodo.snapshot.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark: generates a network of a scale, loads it into a fresh embedded Neo4j through the
 * real import path, and times each operation after a warm-up, with the same question asked in
 * plain Cypher against the same database where there is one ({@code cypher/peer/}). Prints a
 * table and writes {@code target/bench/report-<scale>.json}. Run it with {@code bench/run.sh}.
 *
 * <p>Numbers are reported, never asserted: on a shared 2-core machine, compare the ratios within
 * one run.
 */
public final class Benchmark {

    /** One timed operation, in the report's shape. */
    record Operation(
            String name,
            int n,
            double p50Ms,
            double p99Ms,
            String peer,
            Double peerP50Ms,
            Double peerP99Ms,
            Double speedup) {}

    record Report(
            String scale,
            long nodes,
            long relationships,
            List<Operation> operations,
            double snapshotBytesPerEdge,
            long heapMb,
            Map<String, Object> notes) {}

    /** The planner key the benchmark starts the service with (a local, throwaway store). */
    static final String KEY = "bench-planner-key-not-a-secret-0123456789";

    /**
     * The service as every benchmark runs it: on a fresh embedded store at {@code home}, any free
     * ports, no demo, no rate limit, no poll (the benchmark rebuilds when it wants), warnings only.
     * Command-line arguments: builder properties would be defaults that application.yml overrides.
     */
    public static ConfigurableApplicationContext start(Path home, String pageCache) {
        return new SpringApplicationBuilder(SnodoApplication.class)
                .run(
                        "--snodo.neo4j.home=" + home,
                        "--snodo.neo4j.bolt-port=0",
                        "--snodo.neo4j.page-cache=" + pageCache,
                        "--snodo.demo.load=false",
                        "--server.port=0",
                        "--snodo.snapshot.poll=1h",
                        "--logging.level.it.snodo=WARN",
                        "--snodo.security.bootstrap-planner-key=" + KEY,
                        "--snodo.limits.requests-per-second=0");
    }

    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final Random random = new Random(42);
    /** The referral peer's times over Bolt, to compare the HTTP endpoint with. */
    private double[] referralPeerMs;

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        new Benchmark().run(scale);
    }

    private void run(NetworkGenerator.Scale scale) throws Exception {
        long t0 = System.nanoTime();
        NetworkDocument doc = NetworkGenerator.generate(scale, 1);
        System.out.printf("Generated %s in %.1f s: %s%n", scale, seconds(t0), NetworkGenerator.describe(doc));
        long nodes = doc.size() - doc.ties().size();
        long relationships = NetworkGenerator.relationships(doc);

        Path home = Files.createTempDirectory(Path.of("target"), "bench-neo4j-" + scale);
        String pageCache = switch (scale) {
            case S -> "128MB";
            case M -> "2GB";
            case L -> "4GB";
        };
        try (ConfigurableApplicationContext app = start(home, pageCache)) {
            NetworkImport importer = app.getBean(NetworkImport.class);
            NetworkStore store = app.getBean(NetworkStore.class);
            Snapshots snapshots = app.getBean(Snapshots.class);
            Driver driver = app.getBean(Driver.class);

            // Warm-up: the first run of each write statement is planned and JIT-compiled; import a
            // small network twice (create, then replace) and remove it, so the timed imports are warm.
            NetworkDocument warmUp = NetworkGenerator.generate(NetworkGenerator.Scale.S, 2);
            importer.importDocument(warmUp);
            importer.importDocument(warmUp);
            store.clear();

            if (scale == NetworkGenerator.Scale.L) {
                // One transaction of the whole country does not fit the heap (docs/benchmarks.md, "L"):
                // the network goes in through the same import, in parts that each name only rows of
                // earlier parts, each all or nothing.
                List<NetworkDocument> parts = parts(doc, PART);
                long started = System.nanoTime();
                for (NetworkDocument part : parts) {
                    long s = System.nanoTime();
                    importer.importDocument(part);
                    System.out.printf("  part of %d rows in %.1f s%n", part.size(), seconds(s));
                }
                double importSeconds = seconds(started);
                notes.put("importEntitiesPerSecond", Math.round(doc.size() / importSeconds));
                notes.put("importParts", parts.size() + " imports of at most " + PART + " rows");
                add(
                        "import (" + parts.size() + " parts, one transaction each)",
                        new double[] {importSeconds * 1000},
                        null,
                        null);
                System.out.printf(
                        "Imported %d rows in %d parts in %.1f s (%.0f rows/s)%n",
                        doc.size(), parts.size(), importSeconds, doc.size() / importSeconds);
            } else {
                importWhole(importer, doc);
            }

            double[] builds = new double[3];
            EngineSnapshot engine = null;
            for (int i = 0; i < builds.length; i++) {
                long s = System.nanoTime();
                engine = snapshots.rebuildNow();
                builds[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(builds);
            operations.add(new Operation(
                    "snapshot build from Neo4j", builds.length, builds[1], builds[2], null, null, null, null));
            Network network = engine.network();
            double bytesPerEdge = (double) network.arrayBytes() / relationships;

            measureRefresh(store, snapshots, network, 20);
            measureServiceRefresh(store, snapshots, snapshots.current().network(), 20);
            measureReferrals(engine, driver, 20_000, 300);
            measurePaths(engine, driver, 2_000, 100);
            measureGaps(engine, driver, 200, 30);
            measureMatrix(engine, 10);
            measureSynergies(engine, 500);
            measureIntegrated(engine, 1_000);
            measureHttp(app, snapshots, scale == NetworkGenerator.Scale.S ? 10 : 20);

            System.gc();
            long heapMb =
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            Report report = new Report(scale.name(), nodes, relationships, operations, bytesPerEdge, heapMb, notes);
            print(report);
            Path out = Path.of("target", "bench", "report-" + scale + ".json");
            Files.createDirectories(out.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
            System.out.println("Report: " + out.toAbsolutePath());
        }
    }

    private void importWhole(NetworkImport importer, NetworkDocument doc) {
        long started = System.nanoTime();
        importer.importDocument(doc);
        double importSeconds = seconds(started);
        notes.put("importEntitiesPerSecond", Math.round(doc.size() / importSeconds));
        add("import (whole document, one transaction)", new double[] {importSeconds * 1000}, null, null);
        System.out.printf(
                "Imported %d rows in %.1f s (%.0f rows/s)%n", doc.size(), importSeconds, doc.size() / importSeconds);
        // The same document again: every row exists, so this is the warm replace path.
        started = System.nanoTime();
        importer.importDocument(doc);
        double again = seconds(started);
        notes.put("reimportEntitiesPerSecond", Math.round(doc.size() / again));
        add("import again (idempotent, every row replaced)", new double[] {again * 1000}, null, null);
    }

    /** The largest part of the document the L benchmark imports in one transaction. */
    static final int PART = 250_000;

    /**
     * The document cut, in its sections' order, into a first part holding every territory, category
     * and actor, then parts of at most {@code max} services, needs or ties: every row names only
     * rows of an earlier part.
     */
    static List<NetworkDocument> parts(NetworkDocument doc, int max) {
        List<NetworkDocument> parts = new ArrayList<>();
        parts.add(new NetworkDocument(
                doc.territories(), doc.categories(), doc.cooperatives(), doc.partners(), null, null, null));
        chunks(doc.services(), max, c -> parts.add(new NetworkDocument(null, null, null, null, c, null, null)));
        chunks(doc.needs(), max, c -> parts.add(new NetworkDocument(null, null, null, null, null, c, null)));
        chunks(doc.ties(), max, c -> parts.add(new NetworkDocument(null, null, null, null, null, null, c)));
        return parts;
    }

    private static <T> void chunks(List<T> rows, int max, java.util.function.Consumer<List<T>> part) {
        for (int from = 0; from < rows.size(); from += max) {
            part.accept(rows.subList(from, Math.min(rows.size(), from + max)));
        }
    }

    private void measureRefresh(NetworkStore store, Snapshots snapshots, Network network, int n) {
        int[] muns = municipalities(network);
        String category = network.categoryCode(0);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            Need need = new Need(
                    "bench-need-" + i,
                    category,
                    network.territoryId(muns[random.nextInt(muns.length)]),
                    1,
                    Urgency.LOW,
                    null,
                    null);
            long s = System.nanoTime();
            long version = store.write(NetworkDocument.of(need));
            // Until the write is visible in answers: the benchmark spins, it is not a test.
            while (snapshots.current().version() < version) {
                Thread.onSpinWait();
            }
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        add("a need's write visible in answers (write + patch)", ms, null, null);
    }

    /** A service's places change (the write a help desk makes when a place is taken), until answers show it. */
    private void measureServiceRefresh(NetworkStore store, Snapshots snapshots, Network network, int n) {
        it.snodo.engine.Services services = network.services();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(network.serviceCount());
            List<String> categories = new ArrayList<>();
            for (int k = 0; k < services.categoryCountOf(s); k++) {
                categories.add(network.categoryCode(services.categoryOf(s, k)));
            }
            List<String> territories = new ArrayList<>();
            for (int k = 0; k < services.territoryCountOf(s); k++) {
                territories.add(network.territoryId(services.territoryOf(s, k)));
            }
            int capacity = Math.max(1, services.capacity(s));
            Service changed = new Service(
                    network.serviceId(s),
                    network.serviceName(s),
                    network.actorId(network.provider(s)),
                    categories,
                    territories,
                    capacity,
                    random.nextInt(capacity + 1),
                    services.isConfidential(s));
            long started = System.nanoTime();
            long version = store.write(NetworkDocument.of(changed), NetworkStore.Mode.REPLACE);
            while (snapshots.current().version() < version) {
                Thread.onSpinWait();
            }
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        add("a service's write visible in answers (write + patch)", ms, null, null);
    }

    private void measureReferrals(EngineSnapshot engine, Driver driver, int n, int peerN) {
        Network net = engine.network();
        int[] muns = municipalities(net);
        int[][] queries = new int[n][];
        for (int i = 0; i < n; i++) {
            queries[i] = new int[] {random.nextInt(net.categoryCount()), muns[random.nextInt(muns.length)]};
        }
        double[] ms = time(
                n,
                n / 5,
                i -> engine.referrals()
                        .referrals(new ReferralAlgorithm.Query(queries[i][0], queries[i][1], 10, 25, false)));
        String cypher = peer("referral.cypher");
        double[] peer = time(
                peerN,
                peerN / 5,
                i -> run(
                        driver,
                        cypher,
                        Map.of(
                                "category",
                                net.categoryCode(queries[i][0]),
                                "territory",
                                net.territoryId(queries[i][1]),
                                "k",
                                10,
                                "maxKm",
                                25.0,
                                "includeFull",
                                false)));
        add("referral k=10 maxKm=25 (engine vs Cypher over Bolt)", ms, "cypher/peer/referral.cypher", peer);
        referralPeerMs = peer;
        // A fast peer that answers another question proves nothing: both must name the same services.
        int same = 0;
        for (int i = 0; i < peerN; i++) {
            List<String> engineAnswer = engine
                    .referrals()
                    .referrals(new ReferralAlgorithm.Query(queries[i][0], queries[i][1], 10, 25, false))
                    .stream()
                    .map(r -> net.serviceId(r.service()))
                    .toList();
            List<String> peerAnswer = run(
                            driver,
                            cypher,
                            Map.of(
                                    "category",
                                    net.categoryCode(queries[i][0]),
                                    "territory",
                                    net.territoryId(queries[i][1]),
                                    "k",
                                    10,
                                    "maxKm",
                                    25.0,
                                    "includeFull",
                                    false))
                    .stream()
                    .map(r -> r.get("service").asString())
                    .toList();
            same += engineAnswer.equals(peerAnswer) ? 1 : 0;
        }
        notes.put("referralPeerAgreement", same + " of " + peerN + " answers name the same services in the same order");
    }

    private void measurePaths(EngineSnapshot engine, Driver driver, int n, int peerN) {
        Network net = engine.network();
        int[][] pairs = new int[n][];
        for (int i = 0; i < n; i++) {
            pairs[i] = new int[] {random.nextInt(net.actorCount()), random.nextInt(net.actorCount())};
        }
        double[] ms = time(n, n / 5, i -> engine.paths().paths(pairs[i][0], pairs[i][1], 5));
        String cypher = peer("paths.cypher");
        double[] peer = time(
                peerN,
                peerN / 5,
                i -> run(driver, cypher, Map.of("from", net.actorId(pairs[i][0]), "to", net.actorId(pairs[i][1]))));
        add("connection paths k=5 (engine vs SHORTEST 5)", ms, "cypher/peer/paths.cypher", peer);
    }

    private void measureGaps(EngineSnapshot engine, Driver driver, int n, int peerN) {
        Network net = engine.network();
        int[] districts = net.territoriesOfLevel("DISTRICT");
        int[] asked = new int[n];
        for (int i = 0; i < n; i++) {
            asked[i] = districts[random.nextInt(districts.length)];
        }
        double[] ms = time(n, n / 5, i -> engine.gaps().rows(asked[i]));
        String cypher = peer("gaps.cypher");
        double[] peer =
                time(peerN, peerN / 5, i -> run(driver, cypher, Map.of("territory", net.territoryId(asked[i]))));
        add("gap report of a district", ms, "cypher/peer/gaps.cypher", peer);
    }

    private void measureMatrix(EngineSnapshot engine, int n) {
        int[] districts = engine.network().territoriesOfLevel("DISTRICT");
        double[] ms = time(n, 2, i -> {
            for (int d : districts) {
                engine.gaps().rows(d);
            }
        });
        add("gap matrix, every district (" + districts.length + ")", ms, null, null);
    }

    private void measureSynergies(EngineSnapshot engine, int n) {
        Network net = engine.network();
        List<Integer> coops = new ArrayList<>();
        for (int a = 0; a < net.actorCount(); a++) {
            if (net.isCooperative(a)) {
                coops.add(a);
            }
        }
        double[] ms = time(n, n / 5, i -> engine.synergies().suggestions(coops.get(i % coops.size()), 10));
        add("synergies of one cooperative, top 10", ms, null, null);
        double[] all = time(3, 1, i -> {
            for (int a : coops) {
                engine.synergies().suggestions(a, 10);
            }
        });
        add("synergies top 10 for every cooperative (" + coops.size() + ")", all, null, null);
    }

    private void measureIntegrated(EngineSnapshot engine, int n) {
        Network net = engine.network();
        int[] muns = municipalities(net);
        List<Integer> leaves = new ArrayList<>();
        for (int c = 0; c < net.categoryCount(); c++) {
            if (net.categoryCode(c).contains(".")) {
                leaves.add(c);
            }
        }
        double[] ms = time(
                n,
                n / 5,
                i -> engine.integratedAnswers()
                        .answer(
                                muns[random.nextInt(muns.length)],
                                new int[] {
                                    leaves.get(random.nextInt(leaves.size())),
                                    leaves.get(random.nextInt(leaves.size())),
                                    leaves.get(random.nextInt(leaves.size()))
                                },
                                25));
        add("integrated answer, 3 categories within 25 km", ms, null, null);
    }

    /**
     * The referral endpoint over HTTP: one connection (against the peer over Bolt), then 64
     * connections alone and while snapshots are rebuilt back to back.
     */
    private void measureHttp(ConfigurableApplicationContext app, Snapshots snapshots, int seconds)
            throws InterruptedException {
        Network net = snapshots.current().network();
        int[] muns = municipalities(net);
        int[][] queries = new int[10_000][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = new int[] {random.nextInt(net.categoryCount()), muns[random.nextInt(muns.length)]};
        }
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        IntFunction<HttpRequest> referral = i -> HttpLoad.get(
                base,
                "/api/v1/referrals?k=10&maxKm=25&category="
                        + net.categoryCode(queries[i % queries.length][0]) + "&territory="
                        + net.territoryId(queries[i % queries.length][1]),
                KEY);
        HttpLoad.run(8, 3, referral); // warm-up
        HttpLoad.Result one = HttpLoad.run(1, seconds / 2.0, referral);
        add(
                "referral over HTTP, 1 connection (vs Cypher over Bolt)",
                one.latenciesMs(),
                "cypher/peer/referral.cypher",
                referralPeerMs);
        HttpLoad.Result alone = HttpLoad.run(64, seconds, referral);
        add("referrals over HTTP, 64 connections", alone.latenciesMs(), null, null);
        notes.put("httpReferralsPerSecond64", Math.round(alone.requestsPerSecond()));
        notes.put(
                "httpStatuses64", alone.statuses() + (alone.failures() > 0 ? ", " + alone.failures() + " failed" : ""));

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger rebuilds = new AtomicInteger();
        Thread rebuilder = new Thread(
                () -> {
                    while (loading.get()) {
                        snapshots.rebuildNow();
                        rebuilds.incrementAndGet();
                    }
                },
                "bench-rebuilds");
        rebuilder.start();
        HttpLoad.Result during = HttpLoad.run(64, seconds, referral);
        loading.set(false);
        rebuilder.join();
        add("referrals over HTTP, 64 connections, during rebuilds", during.latenciesMs(), null, null);
        notes.put("httpReferralsPerSecond64DuringRebuilds", Math.round(during.requestsPerSecond()));
        notes.put(
                "httpStatuses64DuringRebuilds",
                during.statuses() + (during.failures() > 0 ? ", " + during.failures() + " failed" : ""));
        notes.put("snapshotRebuildsDuringHttpLoad", rebuilds.get());
    }

    // ---------------------------------------------------------------- helpers

    private static int[] municipalities(Network net) {
        return net.territoriesOfLevel(Network.MUNICIPALITY);
    }

    private static List<Record> run(Driver driver, String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, params).list());
        }
    }

    /** Runs {@code warmUp} untimed calls, then {@code n} timed ones; the times in ms, sorted. */
    static double[] time(int n, int warmUp, IntConsumer call) {
        for (int i = 0; i < warmUp; i++) {
            call.accept(i % n);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.accept(i);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private void add(String name, double[] ms, String peerName, double[] peerMs) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double[] peerSorted = peerMs == null ? null : peerMs.clone();
        if (peerSorted != null) {
            Arrays.sort(peerSorted);
        }
        Double peerP50 = peerSorted == null ? null : percentile(peerSorted, 0.50);
        Double peerP99 = peerSorted == null ? null : percentile(peerSorted, 0.99);
        double p50 = percentile(sorted, 0.50);
        operations.add(new Operation(
                name,
                sorted.length,
                p50,
                percentile(sorted, 0.99),
                peerName,
                peerP50,
                peerP99,
                peerP50 == null ? null : peerP50 / p50));
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String peer(String file) {
        try (InputStream in = Benchmark.class.getResourceAsStream("/cypher/peer/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void print(Report r) {
        System.out.printf(
                Locale.ROOT,
                "%nScale %s: %,d nodes, %,d relationships; snapshot %.1f bytes/edge; heap %d MB%n",
                r.scale(),
                r.nodes(),
                r.relationships(),
                r.snapshotBytesPerEdge(),
                r.heapMb());
        System.out.printf(
                Locale.ROOT,
                "%-55s %7s %11s %11s %11s %11s %9s%n",
                "operation",
                "n",
                "p50 ms",
                "p99 ms",
                "peer p50",
                "peer p99",
                "speedup");
        for (Operation o : r.operations()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-55s %7d %11.4f %11.4f %11s %11s %9s%n",
                    o.name(),
                    o.n(),
                    o.p50Ms(),
                    o.p99Ms(),
                    o.peerP50Ms() == null ? "" : String.format(Locale.ROOT, "%.3f", o.peerP50Ms()),
                    o.peerP99Ms() == null ? "" : String.format(Locale.ROOT, "%.3f", o.peerP99Ms()),
                    o.speedup() == null ? "" : String.format(Locale.ROOT, "%.0fx", o.speedup()));
        }
        r.notes().forEach((k, v) -> System.out.println(k + ": " + v));
    }
}
