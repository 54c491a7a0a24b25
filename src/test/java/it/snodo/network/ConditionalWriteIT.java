package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** ETags and If-Match: two planners editing the same service cannot lose each other's change. */
class ConditionalWriteIT extends SnodoIT {

    private ResponseEntity<JsonNode> putIfMatch(String path, JsonNode body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aReplaceWithAStaleETagIs412AndChangesNothing() {
        importOk(example());
        String path = "/api/v1/services/ex-svc-0000";
        ResponseEntity<JsonNode> read = get(path);
        String etag = read.getHeaders().getETag();
        assertThat(etag).matches("\"\\d+\"");

        // Two planners read the same revision; the first one's change goes through.
        ObjectNode first = ((ObjectNode) read.getBody().deepCopy()).put("occupied", 6);
        ResponseEntity<JsonNode> written = putIfMatch(path, first, etag);
        assertThat(written.getStatusCode()).isEqualTo(HttpStatus.OK);
        String newEtag = written.getHeaders().getETag();
        assertThat(newEtag).isNotEqualTo(etag).isEqualTo(get(path).getHeaders().getETag());

        // The second one, still at the old revision, is told and loses nothing.
        long version = store.version();
        ObjectNode second = ((ObjectNode) read.getBody().deepCopy()).put("capacity", 9);
        ResponseEntity<JsonNode> stale = putIfMatch(path, second, etag);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getBody().get("type").asText()).isEqualTo("/problems/precondition-failed");
        assertThat(fields(stale.getBody().get("errors"))).containsExactly("If-Match");
        assertThat(store.version()).isEqualTo(version);
        assertThat(get(path).getBody().get("occupied").asInt()).isEqualTo(6);
        assertThat(get(path).getBody().get("capacity").asInt())
                .isEqualTo(read.getBody().get("capacity").asInt());

        // Weak or malformed tags never match; * and no header at all do (last writer wins).
        assertThat(putIfMatch(path, second, "W/" + newEtag).getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(putIfMatch(path, second, "yesterday").getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(putIfMatch(path, second, "\"1\", " + newEtag).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(putIfMatch(path, second, "*").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(putIfMatch(path, first, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path).getBody().get("occupied").asInt()).isEqualTo(6);
    }

    @Test
    void reimportingTheExportLeavesETagsValid() {
        importOk(example());
        String path = "/api/v1/services/ex-svc-0000";
        ResponseEntity<JsonNode> read = get(path);

        importOk(get("/api/v1/export").getBody());

        assertThat(get(path).getHeaders().getETag()).isEqualTo(read.getHeaders().getETag());
        ObjectNode changed = ((ObjectNode) read.getBody().deepCopy()).put("occupied", 6);
        assertThat(putIfMatch(path, changed, read.getHeaders().getETag()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void tiesAndCategoriesCarryETagsToo() {
        importOk(example());
        String tiePath = "/api/v1/ties/ex-coop-009/ex-coop-001/CO_DESIGN";
        ResponseEntity<JsonNode> tie = get(tiePath);
        String etag = tie.getHeaders().getETag();
        assertThat(putIfMatch(tiePath, ((ObjectNode) tie.getBody().deepCopy()).put("strength", 0.5), etag)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(putIfMatch(tiePath, ((ObjectNode) tie.getBody().deepCopy()).put("strength", 0.7), etag)
                        .getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(get(tiePath).getBody().get("strength").asDouble()).isEqualTo(0.5);

        String categoryPath = "/api/v1/categories/ex-anziani";
        ResponseEntity<JsonNode> category = get(categoryPath);
        String categoryEtag = category.getHeaders().getETag();
        assertThat(putIfMatch(categoryPath, category.getBody(), categoryEtag).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(putIfMatch(categoryPath, category.getBody(), categoryEtag).getStatusCode())
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }
}
