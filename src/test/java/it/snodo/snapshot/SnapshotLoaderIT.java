package it.snodo.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.SnodoIT;
import it.snodo.demo.DemoNetwork;
import it.snodo.engine.Network;
import it.snodo.neo4j.EmbeddedNeo4j;
import it.snodo.network.NetworkImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The snapshot's two ways of reading, in-process on the embedded database and over Bolt (as
 * against an external server): the same network, the same as the reads before issue 17 item 8,
 * and whole under writes that keep coming.
 */
class SnapshotLoaderIT extends SnodoIT {

    @Autowired
    Driver driver;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    NetworkImport importer;

    private SnapshotLoader overBolt() {
        return new SnapshotLoader(driver, (org.neo4j.graphdb.GraphDatabaseService) null);
    }

    private SnapshotLoader inProcess() {
        return new SnapshotLoader(driver, embedded.database());
    }

    @Test
    void inProcessAndOverBoltReadTheSameDemoNetworkAsTheReadsBefore() {
        importer.importDocument(DemoNetwork.build());

        Network bolt = overBolt().load();
        Network local = inProcess().load();
        Network before = BeforeLoader.load(driver);

        assertThat(bolt.serviceCount()).isPositive();
        assertThat(bolt.needCount()).isPositive();
        assertThat(bolt.tiedPairCount()).isPositive();
        assertThat(NetworkPrint.of(local)).isEqualTo(NetworkPrint.of(bolt));
        assertThat(NetworkPrint.of(bolt)).isEqualTo(NetworkPrint.of(before));
    }

    @Test
    void anEmptyDatabaseIsAnEmptyNetworkBothWays() {
        assertThat(NetworkPrint.of(inProcess().load()))
                .isEqualTo(NetworkPrint.of(overBolt().load()));
        assertThat(inProcess().load().serviceCount()).isZero();
    }

    /**
     * A writer adds one need per transaction and bumps the version in it, as every write does:
     * each network loaded meanwhile, either way, holds exactly the needs of its version (no torn
     * read), and loads end although the writes never stop (the locked attempts hold them back).
     */
    @Test
    void underWritesThatKeepComingEachLoadHoldsExactlyTheNeedsOfItsVersion() throws Exception {
        importer.importDocument(DemoNetwork.build());
        Network first = inProcess().load();
        long v0 = first.version();
        int n0 = first.needCount();
        String category = first.categoryCode(0);
        String territory = first.territoryId(first.territoriesOfLevel(Network.MUNICIPALITY)[0]);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try (Session session = driver.session()) {
                while (!stop.get()) {
                    int i = written.get();
                    session.executeWriteWithoutResult(
                            tx -> tx.run("""
                                    MATCH (v:NetworkVersion {key: 'network'}) SET v.value = v.value + 1
                                    WITH v
                                    MATCH (c:Category {code: $category}), (t:Territory {id: $territory})
                                    CREATE (n:Need:Entity {id: $id, people: 1})-[:OF_KIND]->(c), (n)-[:LOCATED_IN]->(t)""", Map.of("category", category, "territory", territory, "id", "torn-" + i))
                                    .consume());
                    written.incrementAndGet();
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        writer.start();
        try {
            while (written.get() < 3) {
                Thread.sleep(10);
            }
            for (int i = 0; i < 3; i++) {
                for (SnapshotLoader loader : List.of(inProcess(), overBolt())) {
                    Network n = loader.load();
                    assertThat(n.version()).isGreaterThan(v0);
                    assertThat(n.needCount()).isEqualTo(n0 + (int) (n.version() - v0));
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failures).isEmpty();
    }
}
