package it.snodo.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import it.snodo.network.NetworkImport;
import it.snodo.network.NetworkStore;

/**
 * Loads the demo network through the import path on the first start, when nothing was ever
 * written to the database ({@code snodo.demo.load=true}, the default). A database that has been
 * written to, even one emptied since, is left alone.
 */
@Component
@ConditionalOnProperty(name = "snodo.demo.load", havingValue = "true", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final NetworkImport networkImport;
    private final NetworkStore store;

    DemoLoader(NetworkImport networkImport, NetworkStore store) {
        this.networkImport = networkImport;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.version() > 0) {
            log.info("The database holds a network already (version {}); the demo is not loaded", store.version());
            return;
        }
        NetworkImport.Imported imported = networkImport.importDocument(DemoNetwork.build());
        log.info("Loaded the demo network of the Alto Milanese: {}", imported.document().counts());
    }
}
