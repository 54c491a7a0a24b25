package it.snodo.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j Community database running in this JVM, reachable over Bolt on 127.0.0.1 only, with
 * encryption off and authentication on: every process on this machine can reach the port, and
 * without a password any of them could write to the database (a key of its own included)
 * behind the API's back.
 *
 * <p>The password of user {@code neo4j} is random, made when the store has none (a new store,
 * or one made before authentication was on) and kept beside the store in
 * {@value #PASSWORD_FILE}, readable by its owner only; the log names the file, never the
 * password. It is set while Bolt is still closed, so nobody can log in meanwhile with Neo4j's
 * default password.
 *
 * <p>The service talks to it through the Driver exactly as to an external server, so the code
 * paths are the same in both deployments; only the snapshot's bulk reads run in-process
 * ({@link #database()}), the same statements, which the Bolt path runs against an external
 * server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** The file, in the store's folder, that holds the password of user {@value #USER}. */
    public static final String PASSWORD_FILE = "neo4j.password";
    /** The user the service logs in as. */
    public static final String USER = "neo4j";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseManagementService service;
    private final int boltPort;
    private final Path home;
    private final String password;

    private EmbeddedNeo4j(DatabaseManagementService service, int boltPort, Path home, String password) {
        this.service = service;
        this.boltPort = boltPort;
        this.home = home;
        this.password = password;
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
        String password = password(normalized, pageCacheBytes);
        DatabaseManagementService service = builder(normalized, pageCacheBytes)
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
            log.info(
                    "Embedded Neo4j started in {} ms, store {}, Bolt on 127.0.0.1:{}",
                    (System.nanoTime() - started) / 1_000_000,
                    normalized,
                    port);
            return new EmbeddedNeo4j(service, port, normalized, password);
        } catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
    }

    private static DatabaseManagementServiceBuilder builder(Path home, long pageCacheBytes) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No lock after failed logins: 256 random bits cannot be guessed, and a lock would
                // let any local process keep the service itself from opening connections.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0);
    }

    /**
     * The password in the store's password file; when there is none, a new one, set on the
     * database (started for that with Bolt closed: calls in-process need no login) before it is
     * written to the file, so that a crash in between leaves no file that does not open the
     * database, and the next start sets a new one.
     */
    private static String password(Path home, long pageCacheBytes) {
        Path file = home.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            try {
                String password =
                        Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (password.isEmpty()) {
                    throw new IllegalStateException("the Neo4j password file is empty: " + file
                            + " (delete it and a new password is set at the next start)");
                }
                return password;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Neo4j password file " + file, e);
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DatabaseManagementService setup = builder(home, pageCacheBytes)
                .setConfig(BoltConnector.enabled, false)
                .build();
        try {
            // CHANGE NOT REQUIRED: Neo4j's default user must otherwise change its password first.
            setup.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        } finally {
            setup.shutdown();
        }
        OwnerOnlyFiles.write(file, password);
        log.warn("Set a new password for Neo4j user {}: it is in {} (readable by its owner only)", USER, file);
        return password;
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

    /**
     * The database itself, for reads in-process that would cost much more over Bolt (the
     * snapshot's bulk reads); everything else goes through the Driver, as against an external
     * server.
     */
    public GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The password of user {@value #USER}; never to be logged. */
    String password() {
        return password;
    }

    @Override
    public void close() {
        log.info("Shutting down embedded Neo4j at {}", home);
        service.shutdown();
    }
}
