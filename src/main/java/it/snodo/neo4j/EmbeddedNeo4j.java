package it.snodo.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j Community database running in this JVM, reachable over Bolt on 127.0.0.1 only, with
 * authentication off (nothing but this machine can reach it) and encryption off.
 *
 * <p>The service talks to it through the Driver exactly as to an external server, so the code
 * paths are the same in both deployments.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final int boltPort;
    private final Path home;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, Path home) {
        this.service = service;
        this.boltPort = boltPort;
        this.home = home;
    }

    /**
     * Starts a database on {@code home}, creating the store if it is not there.
     *
     * @param home the store's folder
     * @param boltPort the Bolt port on 127.0.0.1, or 0 for any free port
     * @param pageCacheBytes the page cache size in bytes
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, long pageCacheBytes) {
        Objects.requireNonNull(home, "home");
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("boltPort must be 0..65535, was " + boltPort);
        }
        // Neo4j refuses paths with "./" in them: normalise first.
        Path normalized = home.toAbsolutePath().normalize();
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(normalized)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt's netty otherwise waits twice 5 s on shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            log.info("Embedded Neo4j started in {} ms, store {}, Bolt on 127.0.0.1:{}",
                    (System.nanoTime() - started) / 1_000_000, normalized, port);
            return new EmbeddedNeo4j(service, port, normalized);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    /** The Bolt URI of this database. */
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        log.info("Shutting down embedded Neo4j at {}", home);
        service.shutdown();
    }
}
