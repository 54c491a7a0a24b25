package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoApplication;
import it.snodo.TestKeys;
import it.snodo.demo.DemoNetwork;
import it.snodo.network.NetworkReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Two Snodo replicas on one Neo4j: a separate Neo4j (started here, as {@link ExternalNeo4jIT}
 * does) and two Spring application contexts pointed at it through {@code spring.neo4j.uri}, each
 * on its own random port, started together on the empty database with the demo to load.
 *
 * <p>What one replica writes, the other answers within one {@code snodo.snapshot.poll} plus the
 * time of one snapshot build; what a replica writes, it answers at once; keys made or deleted on
 * one act on the other; the demo is loaded once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    /** The poll of both replicas. */
    static final Duration POLL = Duration.ofSeconds(1);
    /**
     * How long a write may take to show on the other replica: one poll, then one snapshot build of
     * the demo network (a few hundred ms; seconds on a loaded two-core machine).
     */
    static final Duration WITHIN = POLL.plusSeconds(4);

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedNeo4j external;
    private static Replica a;
    private static Replica b;

    @BeforeAll
    static void twoReplicasStartTogetherOnAnEmptyDatabase() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "replicas-neo4j");
        external = EmbeddedNeo4j.start(home, 0, 16L << 20);
        // Both replicas reach their runners, then both load the demo at the same moment: the
        // widest window for two loads that a start together can give.
        CountDownLatch bothStarted = new CountDownLatch(2);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> first = starting.submit(() -> start("a", bothStarted));
            Future<ConfigurableApplicationContext> second = starting.submit(() -> start("b", bothStarted));
            a = new Replica(first.get(5, TimeUnit.MINUTES));
            b = new Replica(second.get(5, TimeUnit.MINUTES));
        } finally {
            starting.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(String name, CountDownLatch bothStarted) throws IOException {
        Path replicaHome = Files.createTempDirectory(Path.of("target"), "replica-" + name);
        try {
            return startOn(replicaHome, bothStarted);
        } catch (RuntimeException e) {
            bothStarted.countDown(); // the other replica need not wait for this one
            throw e;
        }
    }

    private static ConfigurableApplicationContext startOn(Path replicaHome, CountDownLatch bothStarted) {
        return new SpringApplicationBuilder(SnodoApplication.class)
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("startTogether", new StartTogether(bothStarted)))
                // As arguments: they win over application.yml, as an operator's would.
                .run(
                        "--server.port=0",
                        "--spring.neo4j.uri=" + external.boltUri(),
                        "--spring.neo4j.authentication.username=" + EmbeddedNeo4j.USER,
                        "--spring.neo4j.authentication.password=" + external.password(),
                        // Would clash with the external one if an embedded database started anyway.
                        "--snodo.neo4j.home=" + replicaHome.resolve("must-not-start"),
                        "--snodo.demo.load=true",
                        "--snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER,
                        "--snodo.snapshot.poll=" + POLL.toMillis() + "ms",
                        "--snodo.limits.requests-per-second=0");
    }

    /**
     * Runs before every other runner of its replica (the demo loader among them) and waits,
     * bounded, until the other replica is there too.
     */
    record StartTogether(CountDownLatch both) implements ApplicationRunner, Ordered {
        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            both.countDown();
            both.await(2, TimeUnit.MINUTES);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @AfterAll
    static void stopEverything() {
        for (Replica replica : new Replica[] {a, b}) {
            if (replica != null) {
                replica.context.close();
            }
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    @Order(1)
    void theDemoIsLoadedOnceWhenBothStartTogetherOnAnEmptyDatabase() {
        assertThat(a.context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
        assertThat(b.context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
        var demo = DemoNetwork.build().counts();
        assertThat(a.context.getBean(NetworkReader.class).export().counts()).isEqualTo(demo);
        assertThat(b.context.getBean(NetworkReader.class).export().counts()).isEqualTo(demo);
        try (Driver driver = driver();
                Session session = driver.session()) {
            assertThat(session.run("MATCH (e:AuditEntry {action: 'IMPORT'}) RETURN count(e) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .as("imports in the audit trail: one load of the demo, no second one found unchanged")
                    .isEqualTo(1);
            assertThat(session.run("MATCH (v:NetworkVersion) RETURN collect(v.value) AS v")
                            .single()
                            .get("v")
                            .asList())
                    .as("one version node, at the demo's one write")
                    .containsExactly(1L);
        }
        // Both answer from a snapshot of the demo, and both are ready.
        assertThat(a.get("/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=3"))
                .isEqualTo(b.get("/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=3"));
        assertThat(a.status("/actuator/health/readiness", null)).isEqualTo(200);
        assertThat(b.status("/actuator/health/readiness", null)).isEqualTo(200);
    }

    @Test
    @Order(2)
    void needsWrittenOnEitherAreInTheOthersGapsWithinThePoll() {
        String gaps = "/api/v1/gaps?territory=015182";
        String category = "dipendenze";
        long before = demand(a.get(gaps), category);
        assertThat(demand(b.get(gaps), category)).isEqualTo(before);

        ObjectNode need = JSON.createObjectNode()
                .put("id", "need-replica-a")
                .put("category", category)
                .put("territory", "015182")
                .put("people", 7);
        assertThat(a.send("POST", "/api/v1/needs", need, null).statusCode()).isEqualTo(201);
        // The writer answers with it at once...
        assertThat(demand(a.get(gaps), category)).isEqualTo(before + 7);
        // ...the other replica within the poll.
        within(() -> demand(b.get(gaps), category), d -> d == before + 7, "the need written on A, in B's gaps");

        // And the other way round, a delete.
        assertThat(b.send("DELETE", "/api/v1/needs/need-replica-a", null, null).statusCode())
                .isEqualTo(204);
        assertThat(demand(b.get(gaps), category)).isEqualTo(before);
        within(() -> demand(a.get(gaps), category), d -> d == before, "the need deleted on B, out of A's gaps");
    }

    @Test
    @Order(3)
    void aServiceWrittenOnOneIsReferredToByTheOtherWithinThePoll() {
        // Addiction in the Abbiatense: nothing answers it in the demo.
        String referrals = "/api/v1/referrals?category=dipendenze&territory=015002&k=100&maxKm=0";
        assertThat(a.get(referrals).get("referrals")).isEmpty();
        ObjectNode service = JSON.createObjectNode()
                .put("id", "svc-replica-b")
                .put("name", "Servizio di prova delle repliche")
                .put("provider", "consorzio-esempio")
                .put("capacity", 10);
        service.putArray("categories").add("dipendenze");
        service.putArray("territories").add("ambito-abbiatense");
        var created = b.send("POST", "/api/v1/services", service, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long version =
                Long.parseLong(created.headers().firstValue("Network-Version").orElseThrow());

        JsonNode onB = b.get(referrals);
        assertThat(onB.get("networkVersion").asLong()).isGreaterThanOrEqualTo(version);
        assertThat(serviceIds(onB)).containsExactly("svc-replica-b");
        JsonNode onA =
                within(() -> a.get(referrals), r -> !r.get("referrals").isEmpty(), "B's service in A's referrals");
        assertThat(serviceIds(onA)).containsExactly("svc-replica-b");
        assertThat(onA.get("networkVersion").asLong()).isGreaterThanOrEqualTo(version);
    }

    @Test
    @Order(4)
    void keysMadeOrDeletedOnOneActOnTheOther() {
        ObjectNode body = JSON.createObjectNode().put("role", "HELP_DESK").put("label", "sportello di prova");
        var made = a.send("POST", "/api/v1/keys", body, null);
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode key = read(made.body());
        String secret = key.get("key").asText();
        String id = key.get("id").asText();

        assertThat(a.status("/api/v1/me", secret)).isEqualTo(200);
        within(() -> b.status("/api/v1/me", secret), s -> s == 200, "A's new key, accepted by B");

        assertThat(b.send("DELETE", "/api/v1/keys/" + id, null, null).statusCode())
                .isEqualTo(204);
        assertThat(b.status("/api/v1/me", secret)).isEqualTo(401);
        within(() -> a.status("/api/v1/me", secret), s -> s == 401, "the key deleted on B, refused by A");
    }

    @Test
    @Order(5)
    void referralsSentOnOneAreInTheOthersOutcomesAndGaps() {
        String since = Instant.now().minus(Duration.ofHours(1)).toString();
        String outcomes = "/api/v1/sent-referrals/outcomes?territory=015182&since=" + since;
        String gaps = "/api/v1/gaps?territory=015182";
        // A service of the demo that covers a category in Rho.
        JsonNode found = a.get("/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=1&maxKm=0");
        String service = found.get("referrals").get(0).get("service").get("id").asText();
        String category = read(a.send("GET", "/api/v1/services/" + service, null, null)
                        .body())
                .get("categories")
                .get(0)
                .asText();
        long declinedBefore = declinedFull(a.get(gaps), category);

        ObjectNode referral = JSON.createObjectNode()
                .put("service", service)
                .put("category", category)
                .put("territory", "015182")
                .put("people", 3)
                .put("urgency", "HIGH");
        var sent = a.send("POST", "/api/v1/sent-referrals", referral, null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = read(sent.body()).get("id").asText();

        assertThat(sent(a.get(outcomes), service)).isEqualTo(1);
        within(() -> sent(b.get(outcomes), service), n -> n == 1, "A's referral in B's outcomes");

        // Declined as FULL on B: the people count in A's gap row of the category.
        var declined = b.send(
                "POST",
                "/api/v1/sent-referrals/" + id + "/decline",
                JSON.createObjectNode().put("reason", "FULL"),
                null);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(declinedFull(b.get(gaps), category)).isEqualTo(declinedBefore + 3);
        within(
                () -> declinedFull(a.get(gaps), category),
                n -> n == declinedBefore + 3,
                "the referral declined on B, in A's gaps");
        assertThat(read(a.send("GET", "/api/v1/sent-referrals/" + id, null, null)
                                .body())
                        .get("status")
                        .asText())
                .isEqualTo("DECLINED");
    }

    @Test
    @Order(6)
    void theRetentionJobRunOnBothAtOnceCountsEachReferralOnce() throws Exception {
        int old = 3_000;
        try (Driver driver = driver();
                Session session = driver.session()) {
            // Closed three years ago, in three months: past the retention (P2Y) of both replicas.
            session.run("""
                            UNWIND range(1, $n) AS i
                            CREATE (:SentReferral {id: 'sr-old-' + i, service: 'svc-old', provider: 'coop-old',
                                    category: 'anziani', territory: '015182', people: 1, status: 'COMPLETED',
                                    sentAt: datetime() - duration({months: 36 + i % 3, days: 1}),
                                    answeredAt: datetime() - duration({months: 36 + i % 3}), answerSeconds: 86400,
                                    closedAt: datetime() - duration({months: 36 + i % 3}), touched: timestamp()})""", java.util.Map.of("n", old)).consume();
        }
        // The daily job fires at the same time on every replica: run both at once.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService jobs = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (Replica replica : List.of(a, b)) {
                var retention = replica.context.getBean(it.snodo.sentreferral.ReferralRetention.class);
                runs.add(jobs.submit(() -> {
                    go.await();
                    return retention.run();
                }));
            }
            go.countDown();
            long deleted = 0;
            for (Future<Long> run : runs) {
                deleted += run.get(2, TimeUnit.MINUTES);
            }
            assertThat(deleted).as("referrals deleted by the two runs together").isEqualTo(old);
        } finally {
            jobs.shutdownNow();
        }
        try (Driver driver = driver();
                Session session = driver.session()) {
            var counted = session.run("""
                            MATCH (m:SentReferralMonth {service: 'svc-old'})
                            RETURN sum(m.n_COMPLETED) AS completed, sum(size(m.answerSeconds)) AS answered,
                                   COUNT { MATCH (r:SentReferral) WHERE r.id STARTS WITH 'sr-old-' } AS left""").single();
            assertThat(counted.get("left").asLong()).isZero();
            assertThat(counted.get("completed").asLong())
                    .as("each referral counted once in its month")
                    .isEqualTo(old);
            assertThat(counted.get("answered").asLong()).isEqualTo(old);
        }
    }

    // --- helpers

    private static Driver driver() {
        return GraphDatabase.driver(external.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, external.password()));
    }

    private static long demand(JsonNode gaps, String category) {
        for (JsonNode row : gaps.get("rows")) {
            if (row.get("category").asText().equals(category)) {
                return row.get("demand").asLong();
            }
        }
        return 0;
    }

    private static long declinedFull(JsonNode gaps, String category) {
        for (JsonNode row : gaps.get("rows")) {
            if (row.get("category").asText().equals(category)) {
                return row.get("declinedFull").asLong();
            }
        }
        throw new AssertionError("no gap row of " + category + ": " + gaps);
    }

    private static long sent(JsonNode outcomes, String service) {
        for (JsonNode row : outcomes.get("services")) {
            if (service.equals(row.get("service").asText(null))) {
                return row.get("sent").asLong();
            }
        }
        return 0;
    }

    private static List<String> serviceIds(JsonNode referrals) {
        List<String> ids = new ArrayList<>();
        referrals
                .get("referrals")
                .forEach(r -> ids.add(r.get("service").get("id").asText()));
        return ids;
    }

    /**
     * Asks {@code probe} until {@code done} holds, for at most {@link #WITHIN}; returns the answer
     * that held, or fails with the last one.
     */
    private static <T> T within(Supplier<T> probe, Predicate<T> done, String what) {
        long started = System.nanoTime();
        long deadline = started + WITHIN.toNanos();
        T last;
        while (!done.test(last = probe.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WITHIN + "; last answer " + last);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        System.out.printf("%s: after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        return last;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One replica and a client of its HTTP port, sending the planner key unless told another. */
    record Replica(ConfigurableApplicationContext context, int port) {

        Replica(ConfigurableApplicationContext context) {
            this(context, ((WebServerApplicationContext) context).getWebServer().getPort());
        }

        HttpResponse<String> send(String method, String path, Object body, String key) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json, application/problem+json");
                if (key != null || !path.startsWith("/actuator")) {
                    request.header("Authorization", "Bearer " + (key == null ? TestKeys.PLANNER : key));
                }
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        JsonNode get(String path) {
            HttpResponse<String> response = send("GET", path, null, null);
            assertThat(response.statusCode())
                    .as("GET %s: %s", path, response.body())
                    .isEqualTo(200);
            return read(response.body());
        }

        int status(String path, String key) {
            return send("GET", path, null, key).statusCode();
        }
    }
}
