package it.snodo.bench;

import it.snodo.engine.Network;
import it.snodo.network.NetworkDocument;
import it.snodo.network.NetworkImport;
import it.snodo.sentreferral.ReferralOutcomes;
import it.snodo.sentreferral.SentReferrals;
import it.snodo.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sent referrals at region scale: a generated network of a scale, a few hundred thousand
 * referrals spread over two years and over its services and municipalities (in every status),
 * then the outcome report (all, one district, the last 90 days), the list of one provider, the
 * people declined as FULL that gap rows read, and sends and moves one at a time. Prints p50 and
 * p99; asserts nothing. Run it with {@code bench/run.sh M outcomes} (or S).
 */
public final class ReferralOutcomesBench {

    private ReferralOutcomesBench() {}

    public static void main(String[] args) throws Exception {
        NetworkGenerator.Scale scale = NetworkGenerator.Scale.valueOf(args.length > 0 ? args[0] : "M");
        int referrals = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        NetworkDocument doc = NetworkGenerator.generate(scale, 1);
        Path home = Files.createTempDirectory(Path.of("target"), "bench-outcomes-" + scale);
        try (ConfigurableApplicationContext app =
                Benchmark.start(home, (scale == NetworkGenerator.Scale.S ? "256MB" : "2GB"))) {
            app.getBean(NetworkImport.class).importDocument(doc);
            Network network = app.getBean(Snapshots.class).rebuildNow().network();
            Driver driver = app.getBean(Driver.class);
            long t0 = System.nanoTime();
            seed(driver, network, referrals, new Random(1));
            System.out.printf(
                    "%s: %d services, %d municipalities; %d referrals written in %.1f s%n",
                    scale,
                    network.serviceCount(),
                    network.territoriesOfLevel(Network.MUNICIPALITY).length,
                    referrals,
                    (System.nanoTime() - t0) / 1e9);

            ReferralOutcomes outcomes = app.getBean(ReferralOutcomes.class);
            SentReferrals sent = app.getBean(SentReferrals.class);
            List<String> district = district(network);
            Instant since = Instant.now().minusSeconds(90L * 86_400);
            print(
                    "outcomes, every referral",
                    Benchmark.time(30, 5, i -> outcomes.outcomes(null, null, (s, p) -> true)));
            print(
                    "outcomes, one district (" + district.size() + " municipalities)",
                    Benchmark.time(30, 5, i -> outcomes.outcomes(district, null, (s, p) -> true)));
            print("outcomes, last 90 days", Benchmark.time(30, 5, i -> outcomes.outcomes(null, since, (s, p) -> true)));
            print("declined FULL in the last year (gap rows)", Benchmark.time(30, 5, i -> outcomes.declinedFull()));
            String provider = network.actorId(network.provider(0));
            print(
                    "list, one provider's newest 50",
                    Benchmark.time(
                            100,
                            10,
                            i -> sent.list(
                                    new SentReferrals.Filter(null, null, provider, null, null, null, null), 0, 50)));
            print(
                    "list, overdue of a district",
                    Benchmark.time(
                            30,
                            5,
                            i -> sent.list(
                                    new SentReferrals.Filter(null, null, null, district, null, true, null), 0, 50)));
            int s = 0;
            while (network.provider(s) < 0) {
                s++;
            }
            String service = network.serviceId(s);
            String category = categoryOf(driver, service);
            String municipality = network.territoryId(network.territoriesOfLevel(Network.MUNICIPALITY)[0]);
            List<String> ids = new ArrayList<>();
            print(
                    "send one referral",
                    Benchmark.time(
                            200,
                            20,
                            i -> ids.add(
                                    sent.send(new SentReferrals.NewReferral(service, category, municipality, 1, null))
                                            .id())));
            print(
                    "accept one referral",
                    Benchmark.time(200, 0, i -> sent.move(ids.get(i), it.snodo.sentreferral.Move.ACCEPT, null)));
        }
    }

    private static void print(String what, double[] sortedMs) {
        System.out.printf(
                "%-50s n=%4d  p50 %8.2f ms  p99 %8.2f ms%n",
                what,
                sortedMs.length,
                sortedMs[sortedMs.length / 2],
                sortedMs[Math.min(sortedMs.length - 1, (int) Math.ceil(0.99 * sortedMs.length) - 1)]);
    }

    /** The municipalities of the first district. */
    private static List<String> district(Network network) {
        int d = network.territoriesOfLevel("DISTRICT")[0];
        List<String> ids = new ArrayList<>();
        for (int m : network.territoriesOfLevel(Network.MUNICIPALITY)) {
            if (network.territories().isPartOf(m, d)) {
                ids.add(network.territoryId(m));
            }
        }
        return ids;
    }

    private static String categoryOf(Driver driver, String service) {
        try (Session session = driver.session()) {
            return session.run(
                            "MATCH (:Service {id: $id})-[:ADDRESSES]->(c:Category) RETURN c.code AS c LIMIT 1",
                            Map.of("id", service))
                    .single()
                    .get("c")
                    .asString();
        }
    }

    /**
     * Writes the referrals straight into Neo4j, as the service would have (the same properties
     * and relationships), in batches: sent over the last two years, a quarter still open.
     */
    private static void seed(Driver driver, Network network, int n, Random random) {
        int[] municipalities = network.territoriesOfLevel(Network.MUNICIPALITY);
        String[] statuses = {"SENT", "ACCEPTED", "COMPLETED", "DROPPED", "DECLINED", "CANCELLED"};
        String[] reasons = {"FULL", "NOT_ELIGIBLE", "OUT_OF_AREA", "OTHER"};
        long now = System.currentTimeMillis() / 1000;
        List<Integer> services = new ArrayList<>();
        for (int s = 0; s < network.serviceCount(); s++) {
            services.add(s);
        }
        try (Session session = driver.session()) {
            for (int from = 0; from < n; from += 10_000) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 10_000); i++) {
                    int s = services.get(random.nextInt(services.size()));
                    String status = statuses[random.nextInt(statuses.length)];
                    long sentAt = now - random.nextInt(2 * 365 * 86_400);
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", String.format("sr-%016x", random.nextLong()));
                    row.put("service", network.serviceId(s));
                    row.put("provider", network.provider(s) < 0 ? null : network.actorId(network.provider(s)));
                    row.put("territory", network.territoryId(municipalities[random.nextInt(municipalities.length)]));
                    row.put("status", status);
                    row.put("people", 1 + random.nextInt(5));
                    row.put("sentAt", Instant.ofEpochSecond(sentAt).toString());
                    long answer =
                            status.equals("SENT") || status.equals("CANCELLED") ? -1 : random.nextInt(10 * 86_400);
                    row.put(
                            "answeredAt",
                            answer < 0
                                    ? null
                                    : Instant.ofEpochSecond(sentAt + answer).toString());
                    row.put("answerSeconds", answer < 0 ? null : answer);
                    row.put(
                            "closedAt",
                            status.equals("SENT") || status.equals("ACCEPTED")
                                    ? null
                                    : Instant.ofEpochSecond(sentAt + Math.max(answer, 0) + random.nextInt(30 * 86_400))
                                            .toString());
                    row.put("reason", status.equals("DECLINED") ? reasons[random.nextInt(reasons.length)] : null);
                    rows.add(row);
                }
                session.executeWrite(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (s:Service {id: row.service})
                        MATCH (t:Territory {id: row.territory})
                        MATCH (s)-[:ADDRESSES]->(c:Category)
                        WITH row, s, t, collect(c)[0] AS c
                        CREATE (r:SentReferral {id: row.id, service: row.service, provider: row.provider,
                                                category: c.code, territory: row.territory, people: row.people,
                                                status: row.status, reason: row.reason, sentBy: 'bench',
                                                sentAt: datetime(row.sentAt), answeredAt: datetime(row.answeredAt),
                                                answerSeconds: row.answerSeconds, closedAt: datetime(row.closedAt)})
                        CREATE (r)-[:TO]->(s), (r)-[:OF_KIND]->(c), (r)-[:FROM]->(t)""", Map.of("rows", rows)).consume());
            }
        }
    }
}
