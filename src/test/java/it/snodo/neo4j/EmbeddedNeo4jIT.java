package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's Bolt port takes no one without the password of user neo4j, which is
 * random, kept in an owner-only file beside the store, and never logged.
 */
class EmbeddedNeo4jIT {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(EmbeddedNeo4j.class)).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(EmbeddedNeo4j.class)).detachAppender(logged);
    }

    @Test
    void aNewStoreOpensOnlyWithThePasswordInItsOwnerOnlyFile() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "auth-neo4j").toAbsolutePath();
        Path file = home.resolve(EmbeddedNeo4j.PASSWORD_FILE);
        String password;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, 16L << 20)) {
            password = Files.readString(file).strip();
            assertThat(password).isEqualTo(neo4j.password()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            assertRefused(neo4j, AuthTokens.none());
            assertRefused(neo4j, AuthTokens.basic(EmbeddedNeo4j.USER, "neo4j"));
            for (int attempt = 0; attempt < 5; attempt++) {
                assertRefused(neo4j, AuthTokens.basic(EmbeddedNeo4j.USER, password + attempt));
            }
            // Failed logins lock nobody out: the service must always be able to log in.
            assertThat(count(neo4j, password, "CREATE (:Probe) RETURN 1 AS n")).isEqualTo(1);
        }
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains(file.toString()));
        assertThat(messages()).noneSatisfy(m -> assertThat(m).contains(password));

        // A restart keeps the password: the file is read, not written again.
        logged.list.clear();
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(home, 0, 16L << 20)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(count(again, password, "MATCH (p:Probe) RETURN count(p) AS n"))
                    .isEqualTo(1);
        }
        assertThat(messages()).noneSatisfy(m -> assertThat(m).contains(EmbeddedNeo4j.PASSWORD_FILE));
    }

    @Test
    void aStoreMadeWithoutAuthenticationGetsAPasswordAndKeepsItsData() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "noauth-neo4j").toAbsolutePath();
        // A store as the service made it before authentication was on.
        DatabaseManagementService old = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .build();
        try {
            old.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("CREATE (:Probe)");
        } finally {
            old.shutdown();
        }
        Path file = home.resolve(EmbeddedNeo4j.PASSWORD_FILE);
        assertThat(file).doesNotExist();

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, 16L << 20)) {
            String password = Files.readString(file).strip();
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertRefused(neo4j, AuthTokens.none());
            assertRefused(neo4j, AuthTokens.basic(EmbeddedNeo4j.USER, "neo4j"));
            assertThat(count(neo4j, password, "MATCH (p:Probe) RETURN count(p) AS n"))
                    .isEqualTo(1);
            assertThat(messages()).noneSatisfy(m -> assertThat(m).contains(password));
        }
    }

    private static void assertRefused(EmbeddedNeo4j neo4j, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), token)) {
            // "none" is refused as a scheme, a wrong password as an authentication failure.
            assertThatThrownBy(driver::verifyConnectivity)
                    .isInstanceOf(SecurityException.class)
                    .satisfiesAnyOf(
                            e -> assertThat(e).isInstanceOf(AuthenticationException.class),
                            e -> assertThat(e).hasMessageContaining("auth"));
        }
    }

    private static long count(EmbeddedNeo4j neo4j, String password, String query) {
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, password));
                var session = driver.session()) {
            return session.run(query).single().get("n").asLong();
        }
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
