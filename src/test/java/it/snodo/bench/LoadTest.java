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
 * The service under mixed load: {@code connections} clients for {@code seconds}, each request a
 * referral (80%), a district's gap report (10%) or the write of a new need (10%), over HTTP with
 * a planner key. Then it counts: every status seen (there must be no 5xx), and the needs the load
 * wrote that the database holds against the writes that were answered 201 (there must be no lost
 * write). {@code bench/load.sh [S|M] [seconds] [connections]}. Numbers are printed, not asserted.
 */
public final class LoadTest {

    private static final String KEY = "load-planner-key-not-a-secret-0123456789";
    private static final String PREFIX = "need-load-";

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "S");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
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
            app.getBean(NetworkImport.class).importDocument(NetworkGenerator.generate(scale, 1));
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
            AtomicInteger created = new AtomicInteger();
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
                                int pick = random.nextInt(10);
                                HttpRequest.Builder request;
                                String kind;
                                if (pick == 0) {
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
                                    latencies[client].add((System.nanoTime() - s) / 1e6);
                                    statuses[client].merge(kind + " " + response.statusCode(), 1, Integer::sum);
                                    if (kind.equals("write") && response.statusCode() == 201) {
                                        created.incrementAndGet();
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
            long errors = all.entrySet().stream()
                    .filter(e -> e.getKey().matches(".* 5\\d\\d"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            System.out.printf(Locale.ROOT, "%nLoad at %s: %d connections for %d s%n", scale, connections, seconds);
            System.out.printf(
                    Locale.ROOT,
                    "requests %d (%.0f/s), p50 %.1f ms, p99 %.1f ms, I/O failures %d%n",
                    ms.length,
                    ms.length / (double) seconds,
                    ms[ms.length / 2],
                    ms[Math.min(ms.length - 1, (int) Math.ceil(0.99 * ms.length) - 1)],
                    failures.get());
            System.out.println("statuses: " + all);
            System.out.printf(
                    Locale.ROOT,
                    "5xx: %d; writes answered 201: %d, load needs in the database: %d, lost: %d%n",
                    errors,
                    created.get(),
                    stored,
                    created.get() - stored);
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
    private static List<Double>[] newLists(int n) {
        List<Double>[] lists = new List[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }
}
