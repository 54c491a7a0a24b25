package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;

/**
 * The external-database path without Docker: a second, separate Neo4j (started here, on its own
 * store and port) plays the external server, and the service is pointed at it through
 * {@code spring.neo4j.uri} like at any server or cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "snodo.demo.load=false",
        // Would clash with the external one if the embedded database started anyway.
        "snodo.neo4j.home=target/it-neo4j/must-not-start",
        "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER})
@DirtiesContext
class ExternalNeo4jIT {

    private static EmbeddedNeo4j external;

    @DynamicPropertySource
    static void pointAtTheExternalServer(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target"), "external-neo4j");
        external = EmbeddedNeo4j.start(home, 0, 16L << 20);
        registry.add("spring.neo4j.uri", external::boltUri);
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
        ResponseEntity<JsonNode> imported = TestKeys.asPlanner(http).postForEntity("/api/v1/import", new HttpEntity<>(example, headers),
                JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);

        // Read the external server directly, not through the service.
        try (Driver driver = GraphDatabase.driver(external.boltUri(), AuthTokens.none());
                Session session = driver.session()) {
            long municipalities = session.run("MATCH (t:Territory {level: 'MUNICIPALITY'}) RETURN count(t) AS n")
                    .single().get("n").asLong();
            assertThat(municipalities).isEqualTo(12);
            long constraints = session.run("SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*) AS n")
                    .single().get("n").asLong();
            assertThat(constraints).as("the schema is applied to the external server").isEqualTo(1);
        }
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asText()).isEqualTo("UP");

        external.close();
        external = null;

        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().get("status").asText()).isEqualTo("DOWN");
    }
}
