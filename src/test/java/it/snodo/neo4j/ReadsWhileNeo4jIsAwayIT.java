package it.snodo.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reads go through Spring Data Neo4j, writes through the Driver: while Neo4j is away, a read gets
 * the very problem detail a write gets (503, {@code /problems/database-unavailable}, Retry-After),
 * never a 500, and reads answer again once it is back. As in {@code ExternalNeo4jIT}, a second
 * Neo4j, started here, plays the external server that goes away.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.demo.load=false",
            "snodo.neo4j.home=target/it-neo4j/must-not-start",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER
        })
@DirtiesContext
class ReadsWhileNeo4jIsAwayIT {

    private static final List<String> READS = List.of(
            "/api/v1/cooperatives",
            "/api/v1/cooperatives/away-a",
            "/api/v1/ties?actor=away-a",
            "/api/v1/ties/away-a/away-b/CONTRACT",
            "/api/v1/export",
            "/api/v1/audit?limit=5",
            "/api/v1/keys",
            "/api/v1/keys/bootstrap");

    private static EmbeddedNeo4j external;
    private static Path externalHome;

    @DynamicPropertySource
    static void pointAtTheExternalServer(DynamicPropertyRegistry registry) throws Exception {
        externalHome = Files.createTempDirectory(Path.of("target"), "away-neo4j");
        external = EmbeddedNeo4j.start(externalHome, 0, 16L << 20);
        registry.add("spring.neo4j.uri", external::boltUri);
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
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReadWhileNeo4jIsAwayGetsTheProblemDetailAWriteGets() throws Exception {
        TestKeys.asPlanner(http);
        ObjectNode document = json.createObjectNode();
        document.putArray("cooperatives")
                .add(json.createObjectNode()
                        .put("id", "away-a")
                        .put("name", "A")
                        .put("type", "A"))
                .add(json.createObjectNode()
                        .put("id", "away-b")
                        .put("name", "B")
                        .put("type", "B"));
        document.putArray("ties")
                .add(json.createObjectNode()
                        .put("from", "away-a")
                        .put("to", "away-b")
                        .put("kind", "CONTRACT"));
        assertThat(post("/api/v1/import", document).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String read : READS) {
            ResponseEntity<JsonNode> answer = http.getForEntity(read, JsonNode.class);
            assertThat(answer.getStatusCode()).as(read).isEqualTo(HttpStatus.OK);
            before.put(read, answer.getBody());
        }

        int port = external.boltPort();
        external.close();
        external = null;

        ResponseEntity<JsonNode> write = post(
                "/api/v1/cooperatives",
                json.createObjectNode().put("id", "away-c").put("name", "C").put("type", "A"));
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        for (String read : READS) {
            ResponseEntity<JsonNode> answer = http.getForEntity(read, JsonNode.class);
            assertThat(answer.getStatusCode()).as(read).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getContentType()).as(read).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                    .as(read)
                    .isEqualTo(write.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            ObjectNode body = answer.getBody().deepCopy();
            assertThat(body.remove("instance").asText()).as(read).isEqualTo(read.replaceAll("\\?.*", ""));
            ObjectNode written = write.getBody().deepCopy();
            written.remove("instance");
            assertThat(body).as(read).isEqualTo(written);
        }
        // Not ready while Neo4j is away (the next poll finds out), ready again once it is back.
        assertThat(readinessWithin(java.time.Duration.ofSeconds(30), HttpStatus.SERVICE_UNAVAILABLE))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Keys are checked from memory: a key still knows who it is.
        assertThat(http.getForEntity("/api/v1/me", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        external = EmbeddedNeo4j.start(externalHome, port, 16L << 20);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(http.getForEntity("/api/v1/cooperatives", JsonNode.class)
                    .getStatusCode()
                    .value());
        } while (status != HttpStatus.OK && System.nanoTime() < deadline);
        for (String read : READS) {
            ResponseEntity<JsonNode> answer = http.getForEntity(read, JsonNode.class);
            assertThat(answer.getStatusCode()).as(read).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(read).isEqualTo(before.get(read));
        }
        assertThat(readinessWithin(java.time.Duration.ofSeconds(30), HttpStatus.OK))
                .isEqualTo(HttpStatus.OK);
    }

    /** The readiness status once it is {@code wanted}, or the last one seen when the time is up. */
    private HttpStatus readinessWithin(java.time.Duration time, HttpStatus wanted) {
        long deadline = System.nanoTime() + time.toNanos();
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(http.getForEntity("/actuator/health/readiness", String.class)
                    .getStatusCode()
                    .value());
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
