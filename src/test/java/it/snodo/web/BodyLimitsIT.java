package it.snodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.OpenApiTraffic;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bodies over the limits are 413 problem details, and write nothing. */
class BodyLimitsIT extends SnodoIT {

    /** A need padded with a long value to about {@code bytes}: the size is refused before the field is. */
    private ObjectNode needOf(int bytes) {
        return mapper.createObjectNode()
                .put("id", "n1")
                .put("category", "ex-anziani")
                .put("territory", "ex015154")
                .put("people", 1)
                .put("padding", "x".repeat(bytes));
    }

    private ObjectNode importOf(int needs) {
        ObjectNode document = mapper.createObjectNode();
        ArrayNode rows = document.putArray("needs");
        for (int i = 0; i < needs; i++) {
            rows.addObject()
                    .put("id", "bulk-" + i)
                    .put("category", "ex-anziani.sportello")
                    .put("territory", "ex015154")
                    .put("people", 1);
        }
        return document;
    }

    @Test
    void aBodyOverTheLimitIsA413AndWritesNothing() {
        importOk(example());
        long version = store.version();
        ResponseEntity<JsonNode> r = post("/api/v1/needs", needOf(1_100_000));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(r.getBody().get("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(r.getBody().get("detail").asText()).contains("1024 KB");
        assertThat(store.version()).isEqualTo(version);
        // Just under the limit, the same body is read, and refused for its unknown field.
        assertThat(post("/api/v1/needs", needOf(1_000_000)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anImportMayBeLargerThanOtherBodiesUpToItsOwnLimit() {
        importOk(example());
        // About 1.2 MB: over the 1 MB of other bodies, under the 1600 KB the tests give imports.
        ObjectNode fits = importOf(15_000);
        assertThat(post("/api/v1/import", fits).getStatusCode()).isEqualTo(HttpStatus.OK);
        long version = store.version();
        ResponseEntity<JsonNode> tooLarge = post("/api/v1/import", importOf(22_000));
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(store.version()).isEqualTo(version);
    }

    @Test
    void aBodyWithoutALengthIsCountedAsItIsRead() throws Exception {
        importOk(example());
        long version = store.version();
        byte[] body = mapper.writeValueAsString(needOf(1_100_000)).getBytes(StandardCharsets.UTF_8);
        // From a stream: sent chunked, with no Content-Length to refuse it by.
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/v1/needs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestKeys.PLANNER)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        OpenApiTraffic.check(
                "POST",
                request.uri(),
                request.headers().map(),
                body,
                r.statusCode(),
                r.headers().map(),
                r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(mapper.readTree(r.body()).get("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(store.version()).isEqualTo(version);
    }
}
