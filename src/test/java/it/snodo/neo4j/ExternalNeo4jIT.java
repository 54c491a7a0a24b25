package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The external-database path without Docker: a second, separate Neo4j (started here, on its own
 * store and port) plays the external server, and the service is pointed at it through
 * {@code spring.neo4j.uri} like at any server or cluster.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.demo.load=false",
            // Would clash with the external one if the embedded database started anyway.
            "snodo.neo4j.home=target/it-neo4j/must-not-start",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER
        })
@DirtiesContext
class ExternalNeo4jIT {

    private static EmbeddedNeo4j external;
    private static Path externalHome;

    @DynamicPropertySource
    static void pointAtTheExternalServer(DynamicPropertyRegistry registry) throws Exception {
        externalHome = Files.createTempDirectory(Path.of("target"), "external-neo4j");
        external = EmbeddedNeo4j.start(externalHome, 0, 16L << 20);
        registry.add("spring.neo4j.uri", external::boltUri);
        // The password stays across the restart below: it is kept beside the store.
        String password = external.password();
        registry.add("spring.neo4j.authentication.username", () -> EmbeddedNeo4j.USER);
        registry.add("spring.neo4j.authentication.password", () -> password);
    }

    @AfterAll
    static void stopTheExternalServer() {
        if (external != null) {
            external.close();
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @Test
    void theServiceUsesTheServerItIsPointedAtAndStartsNoDatabaseOfItsOwn() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
        assertThat(Files.exists(Path.of("target/it-neo4j/must-not-start"))).isFalse();

        JsonNode example;
        try (var in = getClass().getResourceAsStream("/examples/example-network.json")) {
            example = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> imported = TestKeys.asPlanner(http)
                .postForEntity("/api/v1/import", new HttpEntity<>(example, headers), JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);

        // Read the external server directly, not through the service.
        try (Driver driver = GraphDatabase.driver(
                        external.boltUri(), AuthTokens.basic(EmbeddedNeo4j.USER, external.password()));
                Session session = driver.session()) {
            long municipalities = session.run("MATCH (t:Territory {level: 'MUNICIPALITY'}) RETURN count(t) AS n")
                    .single()
                    .get("n")
                    .asLong();
            assertThat(municipalities).isEqualTo(12);
            long constraints = session.run("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*) AS n")
                    .single()
                    .get("n")
                    .asLong();
            assertThat(constraints)
                    .as("the schema is applied to the external server")
                    .isEqualTo(1);
        }
        assertThat(http.getForObject("/actuator/health", JsonNode.class)
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        String referral = "/api/v1/referrals?category=ex-anziani.sportello&territory=ex015164";
        JsonNode before = http.getForObject(referral, JsonNode.class);
        assertThat(before.get("referrals")).isNotEmpty();

        // The server goes away.
        int port = external.boltPort();
        external.close();
        external = null;

        // Health keeps Neo4j's answer for a second (snodo.health.neo4j-cache): DOWN within it.
        long downBy = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        ResponseEntity<JsonNode> health;
        do {
            health = http.getForEntity("/actuator/health", JsonNode.class);
        } while (health.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE && System.nanoTime() < downBy);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().get("status").asText()).isEqualTo("DOWN");
        // The engine answers from the last snapshot...
        ResponseEntity<JsonNode> during = http.getForEntity(referral, JsonNode.class);
        assertThat(during.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(during.getBody().get("referrals")).isEqualTo(before.get("referrals"));
        // ...and what needs the database is a 503 problem detail, never a 500.
        ResponseEntity<JsonNode> write =
                http.postForEntity("/api/v1/needs", new HttpEntity<>(need("need-during"), headers), JsonNode.class);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(write.getBody().get("type").asText()).isEqualTo("/problems/database-unavailable");
        assertThat(write.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(http.getForEntity("/api/v1/needs", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        // The server comes back on the same store and port: everything recovers by itself.
        external = EmbeddedNeo4j.start(externalHome, port, 16L << 20);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(http.getForEntity("/actuator/health", JsonNode.class)
                    .getStatusCode()
                    .value());
        } while (status != HttpStatus.OK && System.nanoTime() < deadline);
        assertThat(status).as("health after the server is back").isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> after =
                http.postForEntity("/api/v1/needs", new HttpEntity<>(need("need-after"), headers), JsonNode.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForEntity("/api/v1/needs/need-after", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/v1/needs/need-during", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode need(String id) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("id", id)
                .put("category", "ex-anziani")
                .put("territory", "ex015164")
                .put("people", 2);
    }
}
