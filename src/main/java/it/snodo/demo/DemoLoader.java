package it.snodo.demo;

import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkStore;
import it.snodo.snapshot.Snapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo network through the import path on the first start, when nothing was ever
 * written to the database ({@code snodo.demo.load=true}, the default). A database that has been
 * written to, even one emptied since, is left alone. Replicas starting together on one empty
 * database load it once: the import itself checks, under the network version's write lock,
 * that nothing was written before it ({@link NetworkImport#importIntoNeverWritten}).
 *
 * <p>It returns only when the engine's snapshot holds the demo: Spring Boot turns readiness to
 * ACCEPTING_TRAFFIC (and {@code /actuator/health} to UP) after the last runner has returned, so
 * the service is not ready with half a demo or with a snapshot of the empty database.
 */
@Component
@ConditionalOnProperty(name = "snodo.demo.load", havingValue = "true", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final NetworkImport networkImport;
    private final NetworkStore store;
    private final Snapshots snapshots;

    DemoLoader(NetworkImport networkImport, NetworkStore store, Snapshots snapshots) {
        this.networkImport = networkImport;
        this.store = store;
        this.snapshots = snapshots;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.version() > 0) {
            log.info("The database holds a network already (version {}); the demo is not loaded", store.version());
            return;
        }
        // Decided again in the import's transaction, under the version's lock: of replicas
        // starting together on one empty database, one loads the demo and the others find it.
        NetworkImport.Imported imported =
                networkImport.importIntoNeverWritten(DemoNetwork.build()).orElse(null);
        if (imported == null) {
            log.info("Another service wrote the network first (version {}); the demo is not loaded", store.version());
        } else {
            log.info(
                    "Loaded the demo network of the Alto Milanese: {}",
                    imported.document().counts());
        }
        long version = snapshots.awaitCommitted().version();
        log.info("The engine's snapshot holds the demo (network version {})", version);
    }
}
