package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.OpenApiTraffic;
import it.snodo.TestKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** Per-key rate limits, in a service of its own with a small bucket: 3 at once, 1 a second. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.neo4j.home=target/it-neo4j/${random.uuid}",
            "snodo.neo4j.bolt-port=0",
            "snodo.neo4j.page-cache=16MB",
            "snodo.demo.load=false",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER,
            // One token every 5 s: the four requests below fit in that even on a slow, busy machine.
            "snodo.limits.requests-per-second=0.2",
            "snodo.limits.burst=3"
        })
@DirtiesContext
class RateLimitIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper mapper;

    @org.junit.jupiter.api.BeforeEach
    void checkTrafficAgainstTheApiDocument() {
        OpenApiTraffic.install(http);
    }

    private ResponseEntity<JsonNode> get(String key, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestKeys.PLANNER);
        ResponseEntity<JsonNode> made = http.exchange(
                "/api/v1/keys",
                HttpMethod.POST,
                new HttpEntity<>(
                        mapper.createObjectNode().put("role", "READER").put("label", "a busy help desk"), headers),
                JsonNode.class);
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reader = made.getBody().get("key").asText();

        for (int i = 0; i < 3; i++) {
            assertThat(get(reader, "/api/v1/territories").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<JsonNode> limited = get(reader, "/api/v1/territories");
        assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(limited.getBody().get("type").asText()).isEqualTo("/problems/too-many-requests");
        long retryAfter = Long.parseLong(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 5L);

        // The planner's bucket is its own: one request made, two left.
        assertThat(get(TestKeys.PLANNER, "/api/v1/territories").getStatusCode()).isEqualTo(HttpStatus.OK);
        // Health is never limited, nor needs a key.
        for (int i = 0; i < 5; i++) {
            assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        // After Retry-After, the key is served again: wait for that condition, within a bound.
        long deadline = System.nanoTime() + Duration.ofSeconds(retryAfter + 5).toNanos();
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(
                    get(reader, "/api/v1/territories").getStatusCode().value());
        } while (status == HttpStatus.TOO_MANY_REQUESTS && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(HttpStatus.OK);
    }
}
