package it.snodo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.snodo.engine.ConnectionPathAlgorithm;
import it.snodo.engine.EngineSnapshot;
import it.snodo.engine.Network;
import it.snodo.engine.ReferralAlgorithm;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.snapshot.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The peers' formulations (issue 17, item 11): loads the generated network as {@link Benchmark}
 * does, then times several Cypher formulations of each peer over Bolt on the same asked inputs,
 * the engine's answer to the same inputs beside them, and counts the inputs on which each
 * formulation answers exactly as the engine. The formulation kept is {@code cypher/peer/<peer>.cypher}
 * (what {@link Benchmark} compares with); the others are {@code src/test/resources/peers/<peer>/}.
 *
 * <p>Formulations run in rounds, each round a slice of the inputs for every formulation in turn,
 * so that the machine's drift falls on all of them alike. Numbers are reported, never asserted.
 *
 * <pre>bench/run.sh M peers [referral,gaps,paths]</pre>
 */
public final class PeerBench {

    /** One formulation's figures. */
    record Result(
            String peer,
            String formulation,
            int n,
            double p50Ms,
            double p99Ms,
            double meanMs,
            int agree,
            int weakAgree,
            int failed,
            String firstDisagreement) {}

    /** The engine's figures for the same inputs. */
    record Engine(String peer, int n, double p50Ms, double p99Ms) {}

    record Report(String scale, List<Engine> engine, List<Result> formulations, Map<String, Object> notes) {}

    private static final List<String> REFERRAL = List.of(
            "category-join",
            "issue",
            "adaptive-comprehension",
            "category-first",
            "comprehensions",
            "collect-subqueries",
            "closure");
    private static final List<String> GAPS = List.of("per-municipality", "territories-once", "count-subqueries");
    private static final List<String> PATHS =
            List.of("groups-ranked", "pairs-groups-ranked", "pairs-bounded", "canonical-bounded", "simple-first");
    /** A formulation that takes longer than this on one input counts as failed there. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<Engine> engine = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final boolean large;
    private Driver driver;

    private PeerBench(boolean large) {
        this.large = large;
    }

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        String only = args.length > 1 ? args[1] : "all";
        new PeerBench(scale != NetworkGenerator.Scale.S).run(scale, only);
    }

    private void run(NetworkGenerator.Scale scale, String only) throws Exception {
        NetworkDocument doc = NetworkGenerator.generate(scale, 1);
        System.out.println("Generated " + scale + ": " + NetworkGenerator.describe(doc));
        Path home = Files.createTempDirectory(Path.of("target"), "peers-neo4j-" + scale);
        String pageCache = large ? "1GB" : "128MB";
        try (ConfigurableApplicationContext app = Benchmark.start(home, pageCache)) {
            long started = System.nanoTime();
            app.getBean(NetworkImport.class).importDocument(doc);
            System.out.printf(
                    Locale.ROOT, "Imported %d rows in %.1f s%n", doc.size(), (System.nanoTime() - started) / 1e9);
            EngineSnapshot snapshot = app.getBean(Snapshots.class).rebuildNow();
            driver = app.getBean(Driver.class);
            if (only.equals("all") || only.contains("referral")) {
                referrals(snapshot);
            }
            if (only.equals("all") || only.contains("gaps")) {
                gaps(snapshot);
            }
            if (only.equals("all") || only.contains("paths")) {
                paths(snapshot);
            }
        }
        print(scale);
        Path out = Path.of("target", "bench", "peers-" + scale + ".json");
        Files.createDirectories(out.getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), new Report(scale.name(), engine, results, notes));
        System.out.println("Report: " + out.toAbsolutePath());
    }

    // ---------------------------------------------------------------- referral

    private void referrals(EngineSnapshot snapshot) {
        Random random = new Random(42);
        Network net = snapshot.network();
        int[] muns = net.territoriesOfLevel(Network.MUNICIPALITY);
        int n = 300;
        int[][] asked = new int[n][];
        for (int i = 0; i < n; i++) {
            asked[i] = new int[] {random.nextInt(net.categoryCount()), muns[random.nextInt(muns.length)]};
        }
        IntFunction<ReferralAlgorithm.Query> query =
                i -> new ReferralAlgorithm.Query(asked[i][0], asked[i][1], 10, 25, false);
        int engineN = 20_000;
        double[] ms =
                Benchmark.time(engineN, engineN / 5, i -> snapshot.referrals().referrals(query.apply(i % n)));
        engine.add(new Engine("referral", engineN, percentile(ms, 0.5), percentile(ms, 0.99)));
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(snapshot.referrals().referrals(query.apply(i)).stream()
                    .map(r -> net.serviceId(r.service()))
                    .toList());
        }
        // The closure formulation's relationships: Snodo does not keep them.
        long closure = write("""
                MATCH (a:Territory)-[:PART_OF*0..]->(b:Territory) CREATE (a)-[:WITHIN]->(b)
                WITH count(*) AS territories
                MATCH (a:Category)-[:PART_OF*0..]->(b:Category) CREATE (a)-[:WITHIN]->(b)
                WITH territories, count(*) AS categories
                RETURN territories + categories AS created""");
        notes.put("referralClosureRelationships", closure);
        Map<String, String> formulations = formulations("referral", REFERRAL);
        compare(
                "referral",
                formulations,
                n,
                i -> Map.of(
                        "category",
                        net.categoryCode(asked[i][0]),
                        "territory",
                        net.territoryId(asked[i][1]),
                        "k",
                        10,
                        "maxKm",
                        25.0,
                        "includeFull",
                        false),
                rows -> rows.stream().map(r -> r.get("service").asString()).toList(),
                expected,
                null);
        write("MATCH ()-[w:WITHIN]->() DELETE w RETURN count(*) AS deleted");
    }

    // ---------------------------------------------------------------- gaps

    private void gaps(EngineSnapshot snapshot) {
        Random random = new Random(42);
        Network net = snapshot.network();
        int[] districts = net.territoriesOfLevel("DISTRICT");
        int n = large ? 60 : 100;
        int[] asked = new int[n];
        for (int i = 0; i < n; i++) {
            asked[i] = districts[random.nextInt(districts.length)];
        }
        double[] ms = Benchmark.time(1_000, 200, i -> snapshot.gaps().rows(asked[i % n]));
        engine.add(new Engine("gaps", 1_000, percentile(ms, 0.5), percentile(ms, 0.99)));
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(snapshot.gaps().rows(asked[i]).stream()
                    .map(r -> gapRow(
                            net.categoryCode(r.category()),
                            r.demand(),
                            r.supply(),
                            r.supplyKnown(),
                            r.providers(),
                            r.services(),
                            r.state().name()))
                    .toList());
        }
        compare(
                "gaps",
                formulations("gaps", GAPS),
                n,
                i -> Map.of("territory", net.territoryId(asked[i])),
                rows -> rows.stream()
                        .map(r -> gapRow(
                                r.get("category").asString(),
                                r.get("demand").asLong(),
                                r.get("supply").asLong(),
                                r.get("supplyKnown").asBoolean(),
                                r.get("providers").asLong(),
                                r.get("services").asLong(),
                                r.get("state").asString()))
                        .toList(),
                expected,
                null);
    }

    private static String gapRow(
            String category, long demand, long supply, boolean known, long providers, long services, String state) {
        return category + " demand=" + demand + " supply=" + supply + (known ? "" : "?") + " providers=" + providers
                + " services=" + services + " " + state;
    }

    // ---------------------------------------------------------------- paths

    private void paths(EngineSnapshot snapshot) {
        Random random = new Random(42);
        Network net = snapshot.network();
        int n = 300;
        int[][] asked = new int[n][];
        for (int i = 0; i < n; i++) {
            asked[i] = new int[] {random.nextInt(net.actorCount()), random.nextInt(net.actorCount())};
        }
        double[] ms = Benchmark.time(2_000, 400, i -> snapshot.paths().paths(asked[i % n][0], asked[i % n][1], 5));
        engine.add(new Engine("paths", 2_000, percentile(ms, 0.5), percentile(ms, 0.99)));
        List<Object> expected = new ArrayList<>();
        List<Object> hops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<ConnectionPathAlgorithm.ConnectionPath> paths =
                    snapshot.paths().paths(asked[i][0], asked[i][1], 5);
            expected.add(paths.stream()
                    .map(p -> Arrays.stream(p.actors()).mapToObj(net::actorId).toList())
                    .toList());
            hops.add(paths.stream().map(p -> (long) p.hops()).toList());
        }
        // The pairs formulation's simple tie graph: Snodo does not keep it.
        notes.put("pathsTiePairs", write("""
                        MATCH (a:Actor)-[t:TIED_TO]-(b:Actor) WHERE elementId(a) < elementId(b)
                        WITH a, b, max(coalesce(t.strength, 0.0)) AS strength
                        CREATE (a)-[:TIE_PAIR {strength: strength}]->(b)
                        RETURN count(*) AS created"""));
        compare(
                "paths",
                formulations("paths", PATHS),
                n,
                i -> Map.of("from", net.actorId(asked[i][0]), "to", net.actorId(asked[i][1])),
                rows -> rows.stream()
                        .map(r -> r.get("actors").asList(v -> v.asString()))
                        .toList(),
                expected,
                new Weak(
                        hops,
                        rows -> rows.stream().map(r -> r.get("hops").asLong()).toList()));
        write("MATCH ()-[p:TIE_PAIR]->() DELETE p RETURN count(*) AS deleted");
    }

    // ---------------------------------------------------------------- timing

    /** A weaker agreement: the same answers as another projection (for paths, the same hop counts). */
    record Weak(List<Object> expected, java.util.function.Function<List<Record>, Object> answer) {}

    /**
     * Times every formulation on the same inputs, in rounds (each round a slice of the inputs for
     * each formulation in turn), after a warm-up of a fifth of the inputs each; counts the inputs
     * whose answer equals the engine's.
     */
    private void compare(
            String peer,
            Map<String, String> formulations,
            int n,
            IntFunction<Map<String, Object>> params,
            java.util.function.Function<List<Record>, Object> answer,
            List<Object> expected,
            Weak weak) {
        int rounds = 3;
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>(); // agree, weak agree, failed, timed
        Map<String, String> firstDisagreement = new LinkedHashMap<>();
        Map<String, Boolean> dropped = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : formulations.entrySet()) {
            times.put(f.getKey(), new double[n]);
            counts.put(f.getKey(), new int[4]);
            // Warm-up: a fifth of the inputs, or fewer when one call takes seconds.
            long warmStart = System.nanoTime();
            int answered = 0;
            int timedOut = 0;
            for (int i = 0; i < n / 5; i++) {
                try {
                    read(f.getValue(), params.apply(n - 1 - i));
                    answered++;
                } catch (RuntimeException e) {
                    if (String.valueOf(e.getMessage()).contains("timeout")) {
                        // Slow, not wrong: timed below, where it counts as failed; unless it never answers.
                        if (++timedOut >= 3 && answered == 0) {
                            System.out.println(peer + "/" + f.getKey() + " timed out on its first 3 inputs");
                            notes.put(
                                    peer + "/" + f.getKey() + " dropped",
                                    "timed out (" + TIMEOUT.toSeconds()
                                            + " s) on the first 3 warm-up inputs, answered none");
                            dropped.put(f.getKey(), true);
                            break;
                        }
                        continue;
                    }
                    System.out.println(peer + "/" + f.getKey() + " failed in warm-up: " + e.getMessage());
                    dropped.put(f.getKey(), true);
                    break;
                }
                if ((System.nanoTime() - warmStart) / 1e9 > 60) {
                    break;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s/%s warmed up in %.1f s%n",
                    peer,
                    f.getKey(),
                    (System.nanoTime() - warmStart) / 1e9);
        }
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, String> f : formulations.entrySet()) {
                if (dropped.containsKey(f.getKey())) {
                    continue;
                }
                int[] c = counts.get(f.getKey());
                long roundStart = System.nanoTime();
                for (int i = r * n / rounds; i < (r + 1) * n / rounds; i++) {
                    // A slow formulation gets a budget per round; the inputs left are not timed.
                    if ((System.nanoTime() - roundStart) / 1e9 > (large ? 90 : 40)) {
                        break;
                    }
                    long s = System.nanoTime();
                    List<Record> rows;
                    try {
                        rows = read(f.getValue(), params.apply(i));
                    } catch (RuntimeException e) {
                        if (c[2]++ == 0) {
                            notes.put(peer + "/" + f.getKey() + " first failure", e.getMessage());
                        }
                        continue;
                    } finally {
                        times.get(f.getKey())[c[3]++] = (System.nanoTime() - s) / 1e6;
                    }
                    Object got = answer.apply(rows);
                    if (got.equals(expected.get(i))) {
                        c[0]++;
                    } else if (!firstDisagreement.containsKey(f.getKey())) {
                        firstDisagreement.put(
                                f.getKey(),
                                "input " + i + ": " + params.apply(i) + " engine " + expected.get(i) + " peer " + got);
                    }
                    if (weak != null
                            && weak.answer().apply(rows).equals(weak.expected().get(i))) {
                        c[1]++;
                    }
                }
            }
        }
        for (Map.Entry<String, String> f : formulations.entrySet()) {
            int[] c = counts.get(f.getKey());
            if (c[3] == 0) {
                results.add(new Result(peer, f.getKey(), 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, "failed"));
                continue;
            }
            double[] ms = Arrays.copyOf(times.get(f.getKey()), c[3]);
            Arrays.sort(ms);
            Result result = new Result(
                    peer,
                    f.getKey(),
                    c[3],
                    percentile(ms, 0.5),
                    percentile(ms, 0.99),
                    Arrays.stream(ms).average().orElse(Double.NaN),
                    c[0],
                    weak == null ? c[0] : c[1],
                    c[2],
                    firstDisagreement.get(f.getKey()));
            results.add(result);
            System.out.printf(
                    Locale.ROOT,
                    "%s/%s: n %d p50 %.2f ms p99 %.2f ms mean %.2f ms, %d agree%s%s%n",
                    peer,
                    f.getKey(),
                    c[3],
                    result.p50Ms(),
                    result.p99Ms(),
                    result.meanMs(),
                    c[0],
                    weak == null ? "" : ", " + c[1] + " same hops",
                    c[2] == 0 ? "" : ", " + c[2] + " failed");
        }
    }

    private List<Record> read(String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run(cypher, params).list(),
                    TransactionConfig.builder().withTimeout(TIMEOUT).build());
        }
    }

    private long write(String cypher) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    /** The kept formulation ({@code cypher/peer/<peer>.cypher}) first, then the others. */
    private Map<String, String> formulations(String peer, List<String> others) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("kept (cypher/peer/" + peer + ".cypher)", resource("/cypher/peer/" + peer + ".cypher"));
        for (String name : others) {
            all.put(name, resource("/peers/" + peer + "/" + name + ".cypher"));
        }
        return all;
    }

    private static String resource(String path) {
        try (InputStream in = PeerBench.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void print(NetworkGenerator.Scale scale) {
        System.out.printf(Locale.ROOT, "%nScale %s%n", scale);
        for (Engine e : engine) {
            System.out.printf(
                    Locale.ROOT, "engine %-8s n %6d p50 %.4f ms p99 %.4f ms%n", e.peer(), e.n(), e.p50Ms(), e.p99Ms());
        }
        System.out.printf(
                Locale.ROOT,
                "%-9s %-40s %5s %10s %10s %10s %7s %7s %6s %9s%n",
                "peer",
                "formulation",
                "n",
                "p50 ms",
                "p99 ms",
                "mean ms",
                "agree",
                "weak",
                "failed",
                "vs engine");
        for (Result r : results) {
            double engineP50 = engine.stream()
                    .filter(e -> e.peer().equals(r.peer()))
                    .mapToDouble(Engine::p50Ms)
                    .findFirst()
                    .orElse(Double.NaN);
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-40s %5d %10.2f %10.2f %10.2f %7d %7d %6d %8.0fx%n",
                    r.peer(),
                    r.formulation(),
                    r.n(),
                    r.p50Ms(),
                    r.p99Ms(),
                    r.meanMs(),
                    r.agree(),
                    r.weakAgree(),
                    r.failed(),
                    r.p50Ms() / engineP50);
        }
        for (Result r : results) {
            if (r.firstDisagreement() != null) {
                System.out.println(r.peer() + "/" + r.formulation() + " first disagreement: " + r.firstDisagreement());
            }
        }
        notes.forEach((k, v) -> System.out.println(k + ": " + v));
    }
}
