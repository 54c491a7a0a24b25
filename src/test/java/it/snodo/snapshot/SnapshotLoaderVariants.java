package it.snodo.snapshot;

import it.snodo.engine.Network;
import it.snodo.neo4j.EmbeddedNeo4j;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;
import org.springframework.context.ApplicationContext;

/** The loader's ways of reading, by name, for {@link SnapshotBench}. */
final class SnapshotLoaderVariants {

    private SnapshotLoaderVariants() {}

    static Map<String, Supplier<Network>> of(ApplicationContext app) {
        Driver driver = app.getBean(Driver.class);
        EmbeddedNeo4j embedded = app.getBean(EmbeddedNeo4j.class);
        Map<String, Supplier<Network>> readers = new LinkedHashMap<>();
        readers.put("bolt", new SnapshotLoader(driver, (org.neo4j.graphdb.GraphDatabaseService) null)::load);
        readers.put("embedded", new SnapshotLoader(driver, embedded.database())::load);
        return readers;
    }
}
