package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ProblemDetailsIT extends SnodoIT {

    @LocalServerPort
    int port;

    @Test
    void anUnknownPathIsANotFoundProblem() {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE)) {
            ResponseEntity<JsonNode> response =
                    send(method, "/api/v1/nothing-here", method == HttpMethod.POST ? "{}" : null);
            assertThat(response.getStatusCode()).as(method.name()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/not-found");
            assertThat(response.getBody().get("title").asText()).isEqualTo(ProblemType.NOT_FOUND.title());
            assertThat(response.getBody().get("instance").asText()).isEqualTo("/api/v1/nothing-here");
            assertThat(response.getBody().get("detail").asText())
                    .doesNotContainIgnoringCase("static")
                    .contains("/api/v1/nothing-here");
        }
    }

    @Test
    void traceAndQueryAreMethodsAPathDoesNotTakeNotBadUrls() throws Exception {
        for (String method : List.of("TRACE", "QUERY")) {
            HttpResponse<String> known = raw(method, "/api/v1/territories");
            assertThat(known.statusCode()).as(method).isEqualTo(405);
            assertThat(known.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(known.headers().allValues("Allow").stream().flatMap(a -> List.of(a.split(",\\s*")).stream()))
                    .as(method)
                    .contains("GET", "POST")
                    .doesNotContain("TRACE", "QUERY", "DELETE");
            JsonNode problem = mapper.readTree(known.body());
            assertThat(problem.get("type").asText()).isEqualTo("/problems/method-not-allowed");
            assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/territories");
            assertThat(known.body()).doesNotContain(TestKeys.PLANNER);

            HttpResponse<String> one = raw(method, "/api/v1/territories/t1");
            assertThat(one.statusCode()).as(method).isEqualTo(405);
            assertThat(String.join(",", one.headers().allValues("Allow")))
                    .contains("GET", "PUT", "DELETE")
                    .doesNotContain("POST");

            HttpResponse<String> unknown = raw(method, "/api/v1/nothing-here");
            assertThat(unknown.statusCode()).as(method).isEqualTo(404);
            assertThat(mapper.readTree(unknown.body()).get("type").asText()).isEqualTo("/problems/not-found");
        }
    }

    private HttpResponse<String> raw(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TestKeys.PLANNER)
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyProblemSaysWhichRequestItAnswers() throws Exception {
        ResponseEntity<JsonNode> invalid = get("/api/v1/territories?page=-1");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("instance").asText()).isEqualTo("/api/v1/territories");
        ResponseEntity<JsonNode> missing = get("/api/v1/territories/nowhere");
        assertThat(missing.getBody().get("instance").asText()).isEqualTo("/api/v1/territories/nowhere");
        HttpResponse<String> refused = raw("GET", "/api/v1/territories/a%2Fb");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(refused.body()).get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(mapper.readTree(refused.body()).get("instance").asText()).isEqualTo("/api/v1/territories/a%2Fb");
    }

    @Test
    void aWrongMethodOrMediaTypeIsAProblemToo() {
        ResponseEntity<JsonNode> method = send(HttpMethod.PATCH, "/api/v1/territories", "{}");
        assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(method.getBody().get("type").asText()).isEqualTo("/problems/method-not-allowed");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> media = http.exchange(
                "/api/v1/import", HttpMethod.POST, new HttpEntity<>("territories", headers), JsonNode.class);
        assertThat(media.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(media.getBody().get("type").asText()).isEqualTo("/problems/unsupported-media-type");
    }

    @Test
    void onlyAProblemIsLabelledAProblem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<JsonNode> list =
                http.exchange("/api/v1/territories", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(list.getBody().has("content")).isTrue();
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        ResponseEntity<JsonNode> response = post("/api/v1/territories", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("missing");
    }

    @Test
    void healthIsUpWhileNeo4jAnswers() {
        ResponseEntity<JsonNode> health = get("/actuator/health");
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode docs = get("/v3/api-docs").getBody();
        assertThat(docs.get("openapi").asText()).startsWith("3.");
        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/api/v1/import")).isTrue();
        assertThat(paths.has("/api/v1/export")).isTrue();
        for (String resource :
                new String[] {"territories", "categories", "cooperatives", "partners", "services", "needs"}) {
            assertThat(paths.has("/api/v1/" + resource)).as(resource).isTrue();
            assertThat(paths.has("/api/v1/" + resource + "/{id}")).as(resource).isTrue();
        }
        assertThat(paths.has("/api/v1/ties/{from}/{to}/{kind}")).isTrue();
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger");
    }
}
