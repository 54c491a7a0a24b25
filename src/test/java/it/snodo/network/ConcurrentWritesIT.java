package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.engine.Needs;
import it.snodo.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Many help desks at once, on the real service and database: writes of needs (committed in
 * groups, {@code NeedWrites}) and sent referrals from many threads, none lost, each audited once,
 * each writer reading its own write; If-Match still giving exactly one winner among writers of
 * the same need that read the same revision; and reports asked at once each counting every
 * referral sent before them.
 */
class ConcurrentWritesIT extends SnodoIT {

    private static final int THREADS = 12;
    private static final int ROUNDS = 8;
    private static final List<String> MUNICIPALITIES = List.of("ex015154", "ex015007", "ex015058");

    @Autowired
    Driver driver;

    @Autowired
    Snapshots snapshots;

    private ExecutorService pool;
    private String helpDesk;

    @BeforeEach
    void exampleAndHelpDesk() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n:SentReferral OR n:SentReferralMonth DETACH DELETE n")
                    .consume();
        }
        importOk(example());
        helpDesk = newKey("HELP_DESK", null, "sportello concorrente");
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** A help desk sends people of a HIGH family need in a municipality to the example's service 4. */
    private ResponseEntity<JsonNode> send(String helpDesk, String where, int people) {
        return as(
                helpDesk,
                HttpMethod.POST,
                "/api/v1/sent-referrals",
                mapper.createObjectNode()
                        .put("service", "ex-svc-0004")
                        .put("category", "ex-famiglia_minori.sportello")
                        .put("territory", where)
                        .put("people", people)
                        .put("urgency", "HIGH"));
    }

    private ObjectNode need(String id, int people, String territory, String category) {
        return mapper.createObjectNode()
                .put("id", id)
                .put("category", category)
                .put("territory", territory)
                .put("people", people)
                .put("urgency", "HIGH");
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private boolean snapshotHolds(String id, int people) {
        Needs needs = snapshots.fresh().network().needs();
        for (int i = 0; i < needs.count(); i++) {
            if (needs.id(i).equals(id)) {
                return needs.people(i) == people;
            }
        }
        return false;
    }

    /** What the snapshot holds of a need, against the version the write answered: for a failure's message. */
    private String seen(String id, ResponseEntity<JsonNode> answer) {
        var engine = snapshots.fresh();
        Needs needs = engine.network().needs();
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < needs.count(); i++) {
            if (needs.id(i).equals(id)) {
                found.append(" people ").append(needs.people(i));
            }
        }
        return "written at version " + answer.getHeaders().getFirst("Network-Version") + ", snapshot "
                + engine.version() + " (" + snapshots.current().version() + " now), committed "
                + store.lastCommitted() + ", holding" + (found.length() == 0 ? " nothing" : found);
    }

    private boolean snapshotHolds(String id) {
        Needs needs = snapshots.fresh().network().needs();
        for (int i = 0; i < needs.count(); i++) {
            if (needs.id(i).equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The audit entries of the needs of this test, by action and id. */
    private Map<String, Long> auditEntries(String prefix) {
        Map<String, Long> entries = new HashMap<>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (e:AuditEntry) WHERE e.kinds = ['NEED'] AND e.ids[0] STARTS WITH $prefix
                    RETURN e.action + ' ' + e.ids[0] AS entry, count(*) AS n""", Map.of("prefix", prefix))
                    .forEachRemaining(r ->
                            entries.put(r.get("entry").asString(), r.get("n").asLong()));
        }
        return entries;
    }

    @Test
    void manyNeedWritesAndSentReferralsAtOnceAreAllKeptAndAuditedOnce() throws Exception {
        long versionBefore = store.version();
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> peopleAfter = new ConcurrentHashMap<>();
        List<String> deleted = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> sends = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            sends.add(pool.submit(() -> {
                start.await();
                int sent = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    String id = "cw-need-" + thread + "-" + round;
                    String where = MUNICIPALITIES.get((thread + round) % MUNICIPALITIES.size());
                    ResponseEntity<JsonNode> created =
                            exchange(HttpMethod.POST, "/api/v1/needs", need(id, 1, where, "ex-anziani"), null);
                    if (created.getStatusCode().value() != 201) {
                        problems.add("create " + id + ": " + created.getStatusCode() + " " + created.getBody());
                        continue;
                    }
                    // The writer reads its own write at once, in the snapshot as in the database.
                    if (!snapshotHolds(id, 1)) {
                        problems.add("create " + id + " not in the snapshot when answered: " + seen(id, created));
                    }
                    int people = 2 + thread + round;
                    ResponseEntity<JsonNode> replaced = exchange(
                            HttpMethod.PUT, "/api/v1/needs/" + id, need(id, people, where, "ex-anziani"), null);
                    if (replaced.getStatusCode().value() != 200) {
                        problems.add("replace " + id + ": " + replaced.getStatusCode());
                        continue;
                    }
                    long createdAt = Long.parseLong(created.getHeaders().getFirst("Network-Version"));
                    long replacedAt = Long.parseLong(replaced.getHeaders().getFirst("Network-Version"));
                    if (replacedAt <= createdAt) {
                        problems.add(id + " replaced at version " + replacedAt + ", created at " + createdAt);
                    }
                    if (!snapshotHolds(id, people)) {
                        problems.add("replace " + id + " not in the snapshot when answered: " + seen(id, replaced));
                    }
                    if (round % 4 == 3) {
                        ResponseEntity<JsonNode> gone = delete("/api/v1/needs/" + id);
                        if (gone.getStatusCode().value() != 204) {
                            problems.add("delete " + id + ": " + gone.getStatusCode());
                        } else if (snapshotHolds(id)) {
                            problems.add("delete " + id + " still in the snapshot when answered");
                        } else {
                            deleted.add(id);
                        }
                    } else {
                        peopleAfter.put(id, people);
                    }
                    // A refused write in the same moments leaves the others alone.
                    ResponseEntity<JsonNode> refused = exchange(
                            HttpMethod.POST,
                            "/api/v1/needs",
                            need("cw-refused-" + thread + "-" + round, 1, where, "ex-nothing"),
                            null);
                    if (refused.getStatusCode().value() != 422
                            || !fields(refused.getBody().get("errors")).equals(List.of("category"))) {
                        problems.add("refused write answered " + refused.getStatusCode() + " " + refused.getBody());
                    }
                    ResponseEntity<JsonNode> referral = send(helpDesk, where, 1 + round);
                    if (referral.getStatusCode().value() == 201) {
                        sent++;
                    } else {
                        problems.add("send: " + referral.getStatusCode() + " " + referral.getBody());
                    }
                }
                return sent;
            }));
        }
        start.countDown();
        int sent = 0;
        for (Future<Integer> f : sends) {
            sent += f.get(5, TimeUnit.MINUTES);
        }
        assertThat(problems).isEmpty();

        int writes = THREADS * ROUNDS;
        assertThat(sent).isEqualTo(writes);
        assertThat(deleted).hasSize(THREADS * (ROUNDS / 4));
        // Every need kept, with its last value; every deleted one gone; no refused one written.
        Map<String, Integer> stored = new HashMap<>();
        long referrals;
        long sendEntries;
        try (var session = driver.session()) {
            session.run("MATCH (n:Need) WHERE n.id STARTS WITH 'cw-' RETURN n.id AS id, n.people AS people")
                    .forEachRemaining(r ->
                            stored.put(r.get("id").asString(), r.get("people").asInt()));
            referrals = session.run("MATCH (r:SentReferral) RETURN count(r) AS n")
                    .single()
                    .get("n")
                    .asLong();
            sendEntries = session.run("MATCH (e:AuditEntry {action: 'SEND'}) RETURN count(e) AS n")
                    .single()
                    .get("n")
                    .asLong();
        }
        assertThat(stored).isEqualTo(peopleAfter);
        assertThat(referrals).isEqualTo(writes);
        assertThat(sendEntries).isEqualTo(writes);

        // Each write has exactly one audit entry; refused writes none.
        Map<String, Long> entries = auditEntries("cw-need-");
        Map<String, Long> expected = new HashMap<>();
        for (int t = 0; t < THREADS; t++) {
            for (int r = 0; r < ROUNDS; r++) {
                String id = "cw-need-" + t + "-" + r;
                expected.put("CREATE " + id, 1L);
                expected.put("REPLACE " + id, 1L);
                if (r % 4 == 3) {
                    expected.put("DELETE " + id, 1L);
                }
            }
        }
        assertThat(entries).isEqualTo(expected);
        assertThat(auditEntries("cw-refused-")).isEmpty();

        // Grouped: the version rose by at most one per need write, and the snapshot holds them all.
        int needWrites = writes * 2 + deleted.size();
        assertThat(store.version() - versionBefore).isBetween(1L, (long) needWrites);
        peopleAfter.forEach(
                (id, people) -> assertThat(snapshotHolds(id, people)).as(id).isTrue());
    }

    @Test
    void writersOfOneNeedThatReadTheSameRevisionHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 4; round++) {
            String id = "cw-contended-" + round;
            assertThat(post("/api/v1/needs", need(id, 1, "ex015154", "ex-anziani"))
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
            String etag = get("/api/v1/needs/" + id).getHeaders().getETag();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> puts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int people = 10 + t;
                puts.add(pool.submit(() -> {
                    start.await();
                    return exchange(
                            HttpMethod.PUT, "/api/v1/needs/" + id, need(id, people, "ex015154", "ex-anziani"), etag);
                }));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            int stale = 0;
            for (int t = 0; t < THREADS; t++) {
                ResponseEntity<JsonNode> answer = puts.get(t).get(2, TimeUnit.MINUTES);
                if (answer.getStatusCode().value() == 200) {
                    winners.add(10 + t);
                } else {
                    assertThat(answer.getStatusCode().value()).isEqualTo(412);
                    assertThat(fields(answer.getBody().get("errors"))).containsExactly("If-Match");
                    stale++;
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(stale).isEqualTo(THREADS - 1);
            JsonNode now = get("/api/v1/needs/" + id).getBody();
            assertThat(now.get("people").asInt()).isEqualTo(winners.get(0));
            assertThat(auditEntries(id)).containsEntry("REPLACE " + id, 1L);
        }
    }

    @Test
    void creatorsOfOneIdAtOnceHaveExactlyOneWinnerAndTheOthers409() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> posts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int people = 10 + t;
            posts.add(pool.submit(() -> {
                start.await();
                return exchange(
                        HttpMethod.POST, "/api/v1/needs", need("cw-same", people, "ex015154", "ex-anziani"), null);
            }));
        }
        start.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<ResponseEntity<JsonNode>> f : posts) {
            int status = f.get(2, TimeUnit.MINUTES).getStatusCode().value();
            if (status == 201) {
                created++;
            } else if (status == 409) {
                conflicts++;
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(conflicts).isEqualTo(THREADS - 1);
        assertThat(auditEntries("cw-same")).isEqualTo(Map.of("CREATE cw-same", 1L));
    }

    @Test
    void reportsAskedAtOnceEachSeeEveryReferralSentBeforeThem() throws Exception {
        // Each thread sends from its own municipality and reports on it at once, while the others
        // do the same: reports that wait for one ledger read share it, yet each must count all of
        // its own sends (a read begun before the send would miss it).
        List<String> municipalities = List.of(
                "ex015154",
                "ex015058",
                "ex015164",
                "ex015155",
                "ex015204",
                "ex015019",
                "ex015007",
                "ex015226",
                "ex015105",
                "ex015166",
                "ex015038",
                "ex015041");
        CountDownLatch start = new CountDownLatch(1);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String where = municipalities.get(t);
            done.add(pool.submit(() -> {
                start.await();
                for (int round = 1; round <= ROUNDS; round++) {
                    ResponseEntity<JsonNode> referral = send(helpDesk, where, 1);
                    if (referral.getStatusCode().value() != 201) {
                        problems.add("send from " + where + ": " + referral.getStatusCode());
                        return null;
                    }
                    JsonNode services = get("/api/v1/sent-referrals/outcomes?territory=" + where)
                            .getBody()
                            .get("services");
                    long sent = 0;
                    for (JsonNode row : services) {
                        sent += row.get("sent").asLong();
                    }
                    if (sent != round) {
                        problems.add(where + " reported " + sent + " sent after its send number " + round);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        assertThat(problems).isEmpty();
    }
}
