package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.web.DatabaseUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A read of one entity answered from memory ({@link RowCache}) is the read Neo4j would have given:
 * the same body, the same ETag and the same view for each caller; a write on this instance is in
 * the next read at once, another writer's within the version's poll; and a read kept in memory
 * begins no transaction.
 */
class RowCacheIT extends SnodoIT {

    @Autowired
    RowCache rows;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Driver driver;

    @Autowired
    ApplicationEventPublisher events;

    /** The transactions begun on the test's thread. */
    private final List<String> begun = new ArrayList<>();

    private Thread testThread;
    private final TransactionExecutionListener recorder = new TransactionExecutionListener() {
        @Override
        public void beforeBegin(TransactionExecution transaction) {
            if (Thread.currentThread() == testThread) {
                begun.add(transaction.getTransactionName());
            }
        }
    };

    @BeforeEach
    void recordTransactions() {
        testThread = Thread.currentThread();
        ((Neo4jTransactionManager) transactions).addListener(recorder);
    }

    @AfterEach
    void stopRecording() {
        ((Neo4jTransactionManager) transactions)
                .getTransactionExecutionListeners()
                .remove(recorder);
    }

    private void network() {
        importOk(Map.of(
                "territories",
                List.of(
                        Map.of("id", "rc-town", "name", "Town", "level", "MUNICIPALITY", "lat", 45.5, "lon", 9.0),
                        Map.of("id", "rc-other", "name", "Other", "level", "MUNICIPALITY", "lat", 45.6, "lon", 9.1)),
                "categories",
                List.of(Map.of("code", "rc-cat", "name", "Cat")),
                "cooperatives",
                List.of(
                        Map.of("id", "rc-a", "name", "A", "type", "A", "basedIn", "rc-town"),
                        Map.of("id", "rc-b", "name", "B", "type", "A", "basedIn", "rc-town")),
                "partners",
                List.of(Map.of("id", "rc-p", "name", "P", "kind", "ASSOCIATION", "basedIn", "rc-town")),
                "services",
                List.of(
                        Map.of(
                                "id",
                                "rc-shelter",
                                "name",
                                "Shelter",
                                "provider",
                                "rc-a",
                                "confidential",
                                true,
                                "categories",
                                List.of("rc-cat"),
                                "territories",
                                List.of("rc-town")),
                        Map.of(
                                "id", "rc-desk",
                                "name", "Desk",
                                "provider", "rc-p",
                                "categories", List.of("rc-cat"),
                                "territories", List.of("rc-town"))),
                "ties",
                List.of(Map.of("from", "rc-a", "to", "rc-b", "kind", "CONTRACT"))));
    }

    @Test
    void aReadKeptInMemoryBeginsNoTransactionAndAWriteEndsIt() {
        network();
        begun.clear();
        var first = rows.getRevised(EntityKind.TERRITORY, "rc-town");
        var again = rows.getRevised(EntityKind.TERRITORY, "rc-town");
        var tie = rows.getTie("rc-a", "rc-b", TieKind.CONTRACT);
        var tieAgain = rows.getTie("rc-a", "rc-b", TieKind.CONTRACT);
        assertThat(again).isEqualTo(first).isPresent();
        assertThat(tieAgain).isEqualTo(tie).isPresent();
        String getRevised = NetworkReader.class.getName() + ".getRevised";
        String getTie = NetworkReader.class.getName() + ".getTie";
        assertThat(begun).as("one read each from Neo4j, then memory").containsExactly(getRevised, getTie);

        // An unknown key is never kept: each read asks Neo4j.
        begun.clear();
        assertThat(rows.getRevised(EntityKind.TERRITORY, "rc-nowhere")).isEmpty();
        assertThat(rows.getRevised(EntityKind.TERRITORY, "rc-nowhere")).isEmpty();
        assertThat(begun).containsExactly(getRevised, getRevised);

        // Any write of the network, even of another entity, makes what was kept a miss.
        begun.clear();
        importOk(Map.of("categories", List.of(Map.of("code", "rc-cat-2", "name", "Cat 2"))));
        assertThat(rows.getRevised(EntityKind.TERRITORY, "rc-town")).isEqualTo(first);
        assertThat(begun).containsExactly(getRevised);

        // A call that found Neo4j away empties it: the next read asks Neo4j.
        begun.clear();
        events.publishEvent(new DatabaseUnavailable(new RuntimeException("away")));
        assertThat(rows.getRevised(EntityKind.TERRITORY, "rc-town")).isEqualTo(first);
        assertThat(rows.getRevised(EntityKind.TERRITORY, "rc-town")).isEqualTo(first);
        assertThat(begun).containsExactly(getRevised);
    }

    @Test
    void aWriteOnThisInstanceIsInTheNextReadWithItsETag() {
        network();
        String path = "/api/v1/territories/rc-town";
        for (int i = 1; i <= 5; i++) {
            ResponseEntity<JsonNode> before = get(path);
            assertThat(get(path).getHeaders().getETag())
                    .isEqualTo(before.getHeaders().getETag());
            ObjectNode changed = ((ObjectNode) before.getBody().deepCopy()).put("name", "Town " + i);
            ResponseEntity<JsonNode> written = put(path, changed);
            assertThat(written.getStatusCode().value()).isEqualTo(200);
            String version = written.getHeaders().getFirst("Network-Version");
            ResponseEntity<JsonNode> after = get(path);
            assertThat(after.getBody().get("name").asText()).isEqualTo("Town " + i);
            assertThat(after.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        }
        // A delete too: the kept row is not answered after it.
        get("/api/v1/services/rc-desk");
        assertThat(delete("/api/v1/services/rc-desk").getStatusCode().value()).isEqualTo(204);
        assertThat(get("/api/v1/services/rc-desk").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void eachCallerIsShownItsOwnViewOfTheRowKept() {
        network();
        String reader = newKey("READER", null, "row cache reader");
        String owner = cooperativeKey("rc-a");
        String shelter = "/api/v1/services/rc-shelter";
        for (int round = 0; round < 2; round++) {
            // In both orders: the planner's read first, then the reader's, and the other way round.
            List<String> keys = round == 0 ? List.of("planner", reader, owner) : List.of(reader, owner, "planner");
            for (String key : keys) {
                ResponseEntity<JsonNode> answer = key.equals("planner") ? get(shelter) : as(key, shelter);
                List<String> territories = new ArrayList<>();
                answer.getBody().get("territories").forEach(t -> territories.add(t.asText()));
                if (key.equals(reader)) {
                    assertThat(territories)
                            .as("a reader does not learn where the shelter is")
                            .isEmpty();
                } else {
                    assertThat(territories)
                            .as("the planner and the provider do")
                            .containsExactly("rc-town");
                }
                assertThat(answer.getBody().get("confidential").asBoolean()).isTrue();
            }
            importOk(Map.of("categories", List.of(Map.of("code", "rc-round-" + round, "name", "Round"))));
        }
        // A partner that becomes confidential hides its services' places at once.
        String desk = "/api/v1/services/rc-desk";
        assertThat(as(reader, desk).getBody().get("territories")).hasSize(1);
        ObjectNode partner =
                ((ObjectNode) get("/api/v1/partners/rc-p").getBody().deepCopy()).put("confidential", true);
        assertThat(put("/api/v1/partners/rc-p", partner).getStatusCode().value())
                .isEqualTo(200);
        assertThat(as(reader, desk).getBody().get("territories")).isEmpty();
        assertThat(as(reader, "/api/v1/partners/rc-p").getBody().get("basedIn").isNull())
                .isTrue();
        assertThat(get("/api/v1/partners/rc-p").getBody().get("basedIn").asText())
                .isEqualTo("rc-town");
    }

    @Test
    void anotherWritersChangeIsReadWithinThePoll() {
        network();
        String path = "/api/v1/cooperatives/rc-b";
        ResponseEntity<JsonNode> before = get(path);
        assertThat(before.getBody().get("name").asText()).isEqualTo("B");
        // Another instance on the same Neo4j writes as NetworkStore does: the version first, then the row.
        long version;
        try (Session session = driver.session()) {
            version = session.executeWrite(tx -> {
                long v = tx.run("MATCH (v:NetworkVersion {key: 'network'}) SET v.value = v.value + 1"
                                + " RETURN v.value AS v")
                        .single()
                        .get("v")
                        .asLong();
                tx.run(
                                "MATCH (c:Cooperative {id: 'rc-b'}) SET c.name = 'B elsewhere', c.writtenAt = $v",
                                Map.of("v", v))
                        .consume();
                return v;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ResponseEntity<JsonNode> after;
        do {
            after = get(path);
        } while (!after.getBody().get("name").asText().equals("B elsewhere") && System.nanoTime() < deadline);
        assertThat(after.getBody().get("name").asText()).isEqualTo("B elsewhere");
        assertThat(after.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        assertThat(after.getHeaders().getFirst(HttpHeaders.ETAG))
                .isNotEqualTo(before.getHeaders().getETag());
    }
}
