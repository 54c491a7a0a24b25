package it.snodo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import it.snodo.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every write leaves who, when and what in the audit; a refused write leaves nothing. */
class AuditIT extends SnodoIT {

    private JsonNode newest() {
        JsonNode entries = get("/api/v1/audit?limit=1").getBody();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void aWriteIsRecordedWithItsKeyItsActionAndItsIdsButNoValues() {
        importOk(example());
        JsonNode imported = newest();
        assertThat(imported.get("action").asText()).isEqualTo("IMPORT");
        assertThat(imported.get("keyId").asText()).isEqualTo("bootstrap");
        assertThat(imported.get("role").asText()).isEqualTo("PLANNER");
        assertThat(imported.get("rows").asLong())
                .isEqualTo(example().get("needs").size()
                        + example().get("services").size()
                        + example().get("ties").size()
                        + example().get("territories").size()
                        + example().get("categories").size()
                        + example().get("cooperatives").size()
                        + example().get("partners").size());

        Instant before = Instant.now();
        ObjectNode need = mapper.createObjectNode()
                .put("id", "need-audited")
                .put("category", "ex-anziani")
                .put("territory", "ex015154")
                .put("people", 4321)
                .put("urgency", "HIGH");
        ResponseEntity<JsonNode> created = post("/api/v1/needs", need);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode entry = newest();
        assertThat(entry.get("action").asText()).isEqualTo("CREATE");
        assertThat(entry.get("kinds").toString()).isEqualTo("[\"NEED\"]");
        assertThat(entry.get("ids").toString()).isEqualTo("[\"need-audited\"]");
        assertThat(entry.get("networkVersion").asLong())
                .isEqualTo(Long.parseLong(created.getHeaders().getFirst("Network-Version")));
        assertThat(Instant.parse(entry.get("at").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        // What the need says is not in the audit: only its id.
        assertThat(entry.toString()).doesNotContain("4321", "HIGH", "ex015154", "ex-anziani");

        assertThat(delete("/api/v1/needs/need-audited").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(newest().get("action").asText()).isEqualTo("DELETE");

        JsonNode history = get("/api/v1/audit?entity=need-audited").getBody();
        assertThat(history).extracting(e -> e.get("action").asText()).containsExactly("DELETE", "CREATE");
        assertThat(get("/api/v1/audit?kind=NEED&since=" + before).getBody()).hasSize(2);
    }

    @Test
    void deletingACooperativeNamesEveryServiceAndTieThatGoesWithIt() {
        importOk(example());
        assertThat(post(
                                "/api/v1/cooperatives",
                                mapper.createObjectNode()
                                        .put("id", "coop-gone")
                                        .put("name", "Cooperativa Esempio Uscente")
                                        .put("type", "A")
                                        .put("basedIn", "ex015154"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (String service : List.of("svc-gone-b", "svc-gone-a")) {
            ObjectNode body = mapper.createObjectNode()
                    .put("id", service)
                    .put("name", "Servizio Esempio uscente")
                    .put("provider", "coop-gone");
            body.putArray("categories").add("ex-anziani.sportello");
            body.putArray("territories").add("ex015154");
            assertThat(post("/api/v1/services", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        for (String[] tie : List.of(
                new String[] {"coop-gone", "ex-coop-000", "COLLABORATION"},
                new String[] {"coop-gone", "ex-partner-000", "FUNDING"},
                new String[] {"ex-coop-001", "coop-gone", "REFERRAL"})) {
            assertThat(post(
                                    "/api/v1/ties",
                                    mapper.createObjectNode()
                                            .put("from", tie[0])
                                            .put("to", tie[1])
                                            .put("kind", tie[2]))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }

        assertThat(delete("/api/v1/cooperatives/coop-gone").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode entry = newest();
        assertThat(entry.get("action").asText()).isEqualTo("DELETE");
        assertThat(entry.get("kinds").toString()).isEqualTo("[\"COOPERATIVE\",\"SERVICE\",\"TIE\"]");
        assertThat(entry.get("ids"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "coop-gone",
                        "svc-gone-a",
                        "svc-gone-b",
                        "coop-gone:COLLABORATION:ex-coop-000",
                        "coop-gone:FUNDING:ex-partner-000",
                        "ex-coop-001:REFERRAL:coop-gone");
        assertThat(entry.get("rows").asLong()).isEqualTo(6);
        assertThat(entry.get("idsCut").asBoolean()).isFalse();
        // Each service's history ends with the delete that took it.
        assertThat(get("/api/v1/audit?entity=svc-gone-a").getBody())
                .extracting(e -> e.get("action").asText())
                .containsExactly("DELETE", "CREATE");
        assertThat(get("/api/v1/services/svc-gone-a").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletingAPartnerWithNothingElseNamesThePartnerAlone() {
        importOk(example());
        assertThat(post(
                                "/api/v1/partners",
                                mapper.createObjectNode()
                                        .put("id", "partner-alone")
                                        .put("name", "Associazione Esempio Sola")
                                        .put("kind", "ASSOCIATION"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(delete("/api/v1/partners/partner-alone").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode entry = newest();
        assertThat(entry.get("kinds").toString()).isEqualTo("[\"PARTNER\"]");
        assertThat(entry.get("ids").toString()).isEqualTo("[\"partner-alone\"]");
    }

    @Test
    void aRefusedWriteLeavesNoEntry() {
        importOk(example());
        int entries = get("/api/v1/audit?limit=1000").getBody().size();
        ObjectNode broken = mapper.createObjectNode()
                .put("id", "need-broken")
                .put("category", "ex-anziani")
                .put("territory", "nowhere")
                .put("people", 1);
        assertThat(post("/api/v1/needs", broken).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(get("/api/v1/audit?limit=1000").getBody()).hasSize(entries);
    }

    @Test
    void keysAndACooperativesWritesAreRecordedUnderTheirKey() {
        importOk(example());
        ResponseEntity<JsonNode> made = post(
                "/api/v1/keys",
                mapper.createObjectNode()
                        .put("role", "COOPERATIVE")
                        .put("cooperative", "ex-coop-000")
                        .put("label", "Cooperativa Esempio ex 0"));
        String keyId = made.getBody().get("id").asText();
        JsonNode keyEntry = newest();
        assertThat(keyEntry.get("action").asText()).isEqualTo("KEY_CREATE");
        assertThat(keyEntry.get("ids").toString()).isEqualTo("[\"" + keyId + "\"]");
        assertThat(keyEntry.toString()).doesNotContain(made.getBody().get("key").asText());

        JsonNode coop = get("/api/v1/cooperatives/ex-coop-000").getBody();
        assertThat(as(made.getBody().get("key").asText(), HttpMethod.PUT, "/api/v1/cooperatives/ex-coop-000", coop)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode write = newest();
        assertThat(write.get("keyId").asText()).isEqualTo(keyId);
        assertThat(write.get("role").asText()).isEqualTo("COOPERATIVE");
        assertThat(write.get("action").asText()).isEqualTo("REPLACE");

        assertThat(delete("/api/v1/keys/" + keyId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(newest().get("action").asText()).isEqualTo("KEY_DELETE");
    }

    @Test
    void onlyPlannersReadTheAuditAndBadQueriesAreProblemDetails() {
        ResponseEntity<JsonNode> made = post(
                "/api/v1/keys", mapper.createObjectNode().put("role", "READER").put("label", "help desk"));
        assertThat(as(made.getBody().get("key").asText(), HttpMethod.GET, "/api/v1/audit", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(TestKeys.PLANNER, HttpMethod.GET, "/api/v1/audit", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String bad :
                List.of("/api/v1/audit?since=yesterday", "/api/v1/audit?limit=0", "/api/v1/audit?limit=1001")) {
            ResponseEntity<JsonNode> r = get(bad);
            assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(r.getBody().get("errors"))).hasSize(1);
        }
    }
}
