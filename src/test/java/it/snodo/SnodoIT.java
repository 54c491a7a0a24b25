package it.snodo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.network.NetworkStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Base of the tests on the real service: a real embedded Neo4j (its own store under target/, any
 * free Bolt port), the real HTTP stack, and an empty database before each test; every request and
 * answer is checked against the OpenAPI document ({@link OpenApiTraffic}). Every subclass
 * shares one Spring context, so the database starts once per test run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.neo4j.home=target/it-neo4j/${random.uuid}",
            "snodo.neo4j.bolt-port=0",
            "snodo.neo4j.page-cache=16MB",
            "snodo.demo.load=false",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER,
            // Rate limits have their own test (LimitsIT); the import limit is small enough to test here.
            "snodo.limits.requests-per-second=0",
            "snodo.limits.max-import-body=1600KB"
        })
@org.springframework.context.annotation.Import(TestClock.Config.class)
public abstract class SnodoIT {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper mapper;

    @Autowired
    protected NetworkStore store;

    @Autowired
    protected TestClock clock;

    @BeforeEach
    void emptyDatabase() {
        TestKeys.asPlanner(http);
        clock.reset();
        store.clear();
    }

    protected ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    protected ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, Object body) {
        return send(HttpMethod.POST, path, body);
    }

    protected ResponseEntity<JsonNode> put(String path, Object body) {
        return send(HttpMethod.PUT, path, body);
    }

    protected ResponseEntity<JsonNode> delete(String path) {
        return send(HttpMethod.DELETE, path, null);
    }

    /** A call with {@code key} instead of the planner's. */
    protected ResponseEntity<JsonNode> as(String key, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(key);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** A GET with {@code key} instead of the planner's. */
    protected ResponseEntity<JsonNode> as(String key, String path) {
        return as(key, HttpMethod.GET, path, null);
    }

    /** A new key made by the planner (the cooperative only for a COOPERATIVE key): its secret. */
    protected String newKey(String role, String cooperative, String label) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                mapper.createObjectNode().put("role", role).put("label", label);
        if (cooperative != null) {
            body.put("cooperative", cooperative);
        }
        ResponseEntity<JsonNode> made = post("/api/v1/keys", body);
        if (made.getStatusCode().value() != 201) {
            throw new AssertionError("no key made: " + made.getStatusCode() + " " + made.getBody());
        }
        return made.getBody().get("key").asText();
    }

    /** A new COOPERATIVE key of {@code cooperative}. */
    protected String cooperativeKey(String cooperative) {
        return newKey("COOPERATIVE", cooperative, cooperative);
    }

    /** The worked example network of shared/examples, as JSON. */
    protected JsonNode example() {
        return resource("/examples/example-network.json");
    }

    protected JsonNode resource(String path) {
        try (InputStream in = SnodoIT.class.getResourceAsStream(path)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected JsonNode importOk(Object document) {
        ResponseEntity<JsonNode> response = post("/api/v1/import", document);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("import failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    protected static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value);
    }

    protected static List<String> ids(JsonNode errors) {
        List<String> ids = new ArrayList<>();
        errors.forEach(e -> {
            if (!ids.contains(e.get("id").asText())) {
                ids.add(e.get("id").asText());
            }
        });
        return ids;
    }

    protected static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
