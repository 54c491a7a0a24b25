package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.snodo.SnodoIT;
import it.snodo.audit.Audit;
import it.snodo.security.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads go through Spring Data Neo4j: its {@link Neo4jClient}, in read-only transactions of the
 * transaction manager Spring Boot configures on the service's own Driver (docs/design.md, "The
 * model"): the network's, the audit trail's and the keys'.
 */
class ReadTransactionsIT extends SnodoIT {

    /** A transaction begun on the test's thread: its name (class.method) and whether it is read-only. */
    record Begun(String name, boolean readOnly) {}

    @Autowired
    NetworkReader reader;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Audit audit;

    @Autowired
    ApiKeys keys;

    private final List<Begun> begun = new ArrayList<>();
    private Thread testThread;
    private final TransactionExecutionListener recorder = new TransactionExecutionListener() {
        @Override
        public void beforeBegin(TransactionExecution transaction) {
            // The keys' poll and other requests begin theirs on other threads.
            if (Thread.currentThread() == testThread) {
                begun.add(new Begun(transaction.getTransactionName(), transaction.isReadOnly()));
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

    @Test
    void springBootConfiguresSdnOnTheServicesOwnDriver() {
        assertThat(transactions).isInstanceOf(Neo4jTransactionManager.class);
        // What a write through the Driver committed, the client reads: one database, one Driver.
        importOk(Map.of(
                "territories",
                List.of(Map.of("id", "rt-town", "name", "Town", "level", "MUNICIPALITY", "lat", 45.5, "lon", 9.0))));
        assertThat(reader.<Territory>get(EntityKind.TERRITORY, "rt-town"))
                .map(Territory::name)
                .contains("Town");
    }

    @Test
    void everyReadRunsInOneReadOnlyTransaction() {
        importOk(Map.of(
                "territories",
                        List.of(Map.of(
                                "id", "rt-town", "name", "Town", "level", "MUNICIPALITY", "lat", 45.5, "lon", 9.0)),
                "cooperatives",
                        List.of(
                                Map.of("id", "rt-a", "name", "A", "type", "A"),
                                Map.of("id", "rt-b", "name", "B", "type", "B")),
                "ties", List.of(Map.of("from", "rt-a", "to", "rt-b", "kind", "CONTRACT"))));
        begun.clear();

        assertThat(reader.<Cooperative>list(EntityKind.COOPERATIVE, Map.of(), 0, 10)
                        .content())
                .extracting(Cooperative::id)
                .containsExactly("rt-a", "rt-b");
        assertThat(reader.<Territory>getRevised(EntityKind.TERRITORY, "rt-town"))
                .isPresent();
        assertThat(reader.<Territory>get(EntityKind.TERRITORY, "nowhere")).isEmpty();
        assertThat(reader.getTie("rt-a", "rt-b", TieKind.CONTRACT))
                .map(r -> r.row().to())
                .contains("rt-b");
        assertThat(reader.confidentialPartners()).isEmpty();
        assertThat(reader.export().ties()).hasSize(1);

        String method = NetworkReader.class.getName() + ".";
        assertThat(begun)
                .containsExactly(
                        new Begun(method + "list", true),
                        new Begun(method + "getRevised", true),
                        new Begun(method + "get", true),
                        new Begun(method + "getTie", true),
                        new Begun(method + "confidentialPartners", true),
                        new Begun(method + "export", true));
    }

    @Test
    void theAuditTrailAndTheKeysAreReadInReadOnlyTransactionsToo() {
        String id = keys.authenticate(newKey("READER", null, "read transactions"))
                .orElseThrow()
                .id();
        begun.clear();

        assertThat(audit.list(null, null, null, 10))
                .extracting(Audit.Entry::action)
                .contains("KEY_CREATE");
        assertThat(keys.list()).extracting(ApiKeys.ApiKey::id).contains(id);
        assertThat(keys.get(id)).isPresent();
        keys.refresh();

        assertThat(begun).hasSize(4).allMatch(Begun::readOnly);
        assertThat(begun.get(0).name()).isEqualTo(Audit.class.getName() + ".list");
    }

    @Test
    void aWriteThroughTheReadPathIsRefusedAndWritesNothing() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(status ->
                        neo4j.query("CREATE (:ReadOnlyProbe {at: datetime()})").run()))
                // Neo4j itself refuses it: the transaction was begun in read access mode.
                .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                .hasMessageContaining("Neo.ClientError.Statement.AccessMode");

        Long probes = readOnly.execute(status -> neo4j.query("MATCH (p:ReadOnlyProbe) RETURN count(p) AS n")
                .fetchAs(Long.class)
                .one()
                .orElseThrow());
        assertThat(probes).isZero();
    }
}
