package it.snodo.bench;

import it.snodo.SnodoApplication;
import it.snodo.engine.Network;
import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkReader;
import it.snodo.snapshot.Snapshots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service under load: {@code connections} clients for {@code seconds}, over HTTP with a
 * planner key. The {@code mixed} load (the default): each request a referral (80%), a district's
 * gap report (10%) or the write of a new need (10%). The {@code writes} load: each request the
 * write of a new need or the sending of a referral (half each), the help desks' frequent writes.
 * Then it counts: every status seen (there must be no 5xx), each kind's rate, p50 and p99, and
 * the needs and sent referrals the database holds, and their audit entries, against the writes
 * that were answered 201 (there must be no lost write).
 * {@code bench/load.sh [S|M] [seconds] [connections] [mixed|writes]}. Numbers are printed, not
 * asserted.
 */
public final class LoadTest {

    private static final String KEY = "load-planner-key-not-a-secret-0123456789";
    private static final String PREFIX = "need-load-";

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        boolean writesOnly = args.length > 3 && args[3].equals("writes");
        Path home = Files.createTempDirectory(Path.of("target"), "load-neo4j-" + scale);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SnodoApplication.class)
                .run(
                        "--snodo.neo4j.home=" + home,
                        "--snodo.neo4j.bolt-port=0",
                        "--snodo.demo.load=false",
                        "--snodo.neo4j.page-cache=" + (scale == NetworkGenerator.Scale.S ? "128MB" : "2GB"),
                        "--server.port=0",
                        "--logging.level.it.snodo=WARN",
                        "--snodo.limits.requests-per-second=0",
                        "--snodo.security.bootstrap-planner-key=" + KEY)) {
            it.snodo.network.NetworkDocument generated = NetworkGenerator.generate(scale, 1);
            app.getBean(NetworkImport.class).importDocument(generated);
            List<it.snodo.network.Service> services = generated.services();
            Network net = app.getBean(Snapshots.class).rebuildNow().network();
            int[] muns = net.territoriesOfLevel(Network.MUNICIPALITY);
            int[] districts = net.territoriesOfLevel("DISTRICT");
            List<String> leaves = new ArrayList<>();
            for (int c = 0; c < net.categoryCount(); c++) {
                if (net.categoryCode(c).contains(".")) {
                    leaves.add(net.categoryCode(c));
                }
            }
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

            Map<String, Integer>[] statuses = newStatusMaps(connections);
            List<Double>[] latencies = newLists(connections);
            Map<String, List<Double>>[] byKind = newKindMaps(connections);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger writeIds = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(connections);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int c = 0; c < connections; c++) {
                int client = c;
                Thread thread = new Thread(
                        () -> {
                            HttpClient http = HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .connectTimeout(Duration.ofSeconds(10))
                                    .build();
                            Random random = new Random(client);
                            while (System.nanoTime() < end) {
                                int pick = writesOnly ? (random.nextBoolean() ? 0 : -1) : random.nextInt(10);
                                HttpRequest.Builder request;
                                String kind;
                                if (pick == -1) {
                                    kind = "send";
                                    it.snodo.network.Service service = services.get(random.nextInt(services.size()));
                                    String body = "{\"service\":\"" + service.id() + "\",\"category\":\""
                                            + service.categories()
                                                    .get(random.nextInt(
                                                            service.categories().size()))
                                            + "\",\"territory\":\""
                                            + net.territoryId(muns[random.nextInt(muns.length)]) + "\",\"people\":"
                                            + (1 + random.nextInt(20)) + "}";
                                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sent-referrals"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body));
                                } else if (pick == 0) {
                                    kind = "write";
                                    String body = "{\"id\":\"" + PREFIX + writeIds.incrementAndGet()
                                            + "\",\"category\":\""
                                            + leaves.get(random.nextInt(leaves.size())) + "\",\"territory\":\""
                                            + net.territoryId(muns[random.nextInt(muns.length)]) + "\",\"people\":"
                                            + (1 + random.nextInt(20)) + "}";
                                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/needs"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body));
                                } else if (pick == 1) {
                                    kind = "gaps";
                                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/gaps?territory="
                                            + net.territoryId(districts[random.nextInt(districts.length)])));
                                } else {
                                    kind = "referral";
                                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals?category="
                                            + net.categoryCode(random.nextInt(net.categoryCount())) + "&territory="
                                            + net.territoryId(muns[random.nextInt(muns.length)])));
                                }
                                long s = System.nanoTime();
                                try {
                                    HttpResponse<Void> response = http.send(
                                            request.header("Authorization", "Bearer " + KEY)
                                                    .timeout(Duration.ofSeconds(60))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding());
                                    double took = (System.nanoTime() - s) / 1e6;
                                    latencies[client].add(took);
                                    byKind[client]
                                            .computeIfAbsent(kind, k -> new ArrayList<>())
                                            .add(took);
                                    statuses[client].merge(kind + " " + response.statusCode(), 1, Integer::sum);
                                    if (kind.equals("write") && response.statusCode() == 201) {
                                        created.incrementAndGet();
                                    }
                                    if (kind.equals("send") && response.statusCode() == 201) {
                                        sent.incrementAndGet();
                                    }
                                } catch (IOException e) {
                                    failures.incrementAndGet();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    break;
                                }
                            }
                            done.countDown();
                        },
                        "load-" + c);
                thread.start();
            }
            done.await();

            Map<String, Integer> all = new TreeMap<>();
            for (Map<String, Integer> m : statuses) {
                m.forEach((k, v) -> all.merge(k, v, Integer::sum));
            }
            double[] ms = Arrays.stream(latencies)
                    .flatMap(List::stream)
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            long stored = app.getBean(NetworkReader.class).export().needs().stream()
                    .filter(n -> n.id().startsWith(PREFIX))
                    .count();
            org.neo4j.driver.Driver driver = app.getBean(org.neo4j.driver.Driver.class);
            long[] inDb;
            try (org.neo4j.driver.Session session = driver.session()) {
                org.neo4j.driver.Record r =
                        session.run("""
                        RETURN COUNT { MATCH (x:SentReferral) } AS referrals,
                               COUNT { MATCH (e:AuditEntry {action: 'SEND'}) } AS sends,
                               COUNT { MATCH (e:AuditEntry {action: 'CREATE'})
                                       WHERE e.kinds = ['NEED'] AND e.ids[0] STARTS WITH $prefix } AS needEntries""", Map.of("prefix", PREFIX)).single();
                inDb = new long[] {
                    r.get("referrals").asLong(),
                    r.get("sends").asLong(),
                    r.get("needEntries").asLong()
                };
            }
            long errors = all.entrySet().stream()
                    .filter(e -> e.getKey().matches(".* 5\\d\\d"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            System.out.printf(
                    Locale.ROOT,
                    "%nLoad at %s (%s): %d connections for %d s%n",
                    scale,
                    writesOnly ? "writes" : "mixed",
                    connections,
                    seconds);
            System.out.printf(
                    Locale.ROOT,
                    "requests %d (%.0f/s), p50 %.1f ms, p99 %.1f ms, I/O failures %d%n",
                    ms.length,
                    ms.length / (double) seconds,
                    ms[ms.length / 2],
                    ms[Math.min(ms.length - 1, (int) Math.ceil(0.99 * ms.length) - 1)],
                    failures.get());
            System.out.println("statuses: " + all);
            Map<String, List<Double>> kinds = new TreeMap<>();
            for (Map<String, List<Double>> m : byKind) {
                m.forEach((k, v) ->
                        kinds.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
            kinds.forEach((kind, list) -> {
                double[] sorted =
                        list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(
                        Locale.ROOT,
                        "  %-8s %7d (%6.1f/s), p50 %8.1f ms, p99 %8.1f ms%n",
                        kind,
                        sorted.length,
                        sorted.length / (double) seconds,
                        sorted[sorted.length / 2],
                        sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)]);
            });
            System.out.printf(
                    Locale.ROOT,
                    "5xx: %d; writes answered 201: %d, load needs in the database: %d, lost: %d%n",
                    errors,
                    created.get(),
                    stored,
                    created.get() - stored);
            System.out.printf(
                    Locale.ROOT,
                    "audit entries of those needs: %d; referrals sent 201: %d, in the database: %d,"
                            + " SEND entries: %d, lost: %d%n",
                    inDb[2],
                    sent.get(),
                    inDb[0],
                    inDb[1],
                    sent.get() - inDb[0]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] newStatusMaps(int n) {
        Map<String, Integer>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new TreeMap<>();
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>>[] newKindMaps(int n) {
        Map<String, List<Double>>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new java.util.HashMap<>();
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static List<Double>[] newLists(int n) {
        List<Double>[] lists = new List[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }
}
