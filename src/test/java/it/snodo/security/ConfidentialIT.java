package it.snodo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.snodo.SnodoIT;

/**
 * Confidential places (a shelter for women at risk of violence): listed and referred to, but where
 * they are is seen only by planners and the cooperative that runs them.
 */
class ConfidentialIT extends SnodoIT {

    private static final String SHELTER = "ex-svc-0000";
    private static final String SHELTER_AREA = "ex-ambito-magentino";
    private static final String NEED_PLACE = "ex015164";

    private String reader;

    @BeforeEach
    void markAShelterConfidential() {
        importOk(example());
        ObjectNode service = (ObjectNode) get("/api/v1/services/" + SHELTER).getBody().deepCopy();
        service.put("confidential", true);
        assertThat(put("/api/v1/services/" + SHELTER, service).getStatusCode()).isEqualTo(HttpStatus.OK);
        reader = post("/api/v1/keys", mapper.createObjectNode().put("role", "READER").put("label", "help desk"))
                .getBody().get("key").asText();
    }

    private ResponseEntity<JsonNode> as(String key, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private String keyOf(String cooperative) {
        return post("/api/v1/keys", mapper.createObjectNode().put("role", "COOPERATIVE")
                .put("cooperative", cooperative).put("label", cooperative)).getBody().get("key").asText();
    }

    @Test
    void aReaderSeesTheServiceButNeverWhereItIs() {
        JsonNode seen = as(reader, "/api/v1/services/" + SHELTER).getBody();
        assertThat(seen.get("confidential").asBoolean()).isTrue();
        assertThat(seen.get("territories")).isEmpty();
        assertThat(seen.get("provider").asText()).isEqualTo("ex-coop-000");

        List<String> listed = new ArrayList<>();
        as(reader, "/api/v1/services?size=1000").getBody().get("content").forEach(s -> {
            listed.add(s.get("id").asText());
            if (s.get("id").asText().equals(SHELTER)) {
                assertThat(s.get("territories")).isEmpty();
            }
        });
        assertThat(listed).contains(SHELTER);
        // A list by territory would tell where it is by listing it.
        assertThat(ids(as(reader, "/api/v1/services?territory=" + SHELTER_AREA).getBody().get("content")))
                .doesNotContain(SHELTER).isNotEmpty();
    }

    @Test
    void aReferralListsItWithARoundedDistanceAndNoTerritoryInItsPath() {
        String query = "/api/v1/referrals?category=ex-anziani.sportello&territory=" + NEED_PLACE + "&includeFull=true";
        JsonNode shown = null;
        for (JsonNode r : as(reader, query).getBody().get("referrals")) {
            if (r.get("service").get("id").asText().equals(SHELTER)) {
                shown = r;
            }
        }
        assertThat(shown).as("the shelter is referred to").isNotNull();
        double km = shown.get("distanceKm").asDouble();
        assertThat(km % 5).isZero();
        assertThat(km).isGreaterThanOrEqualTo(5);
        shown.get("path").forEach(step -> assertThat(step.get("kind").asText())
                .isIn("SERVICE", "COOPERATIVE", "PARTNER"));
        assertThat(shown.get("cost").asDouble()).isEqualTo(km + shown.get("tieHops").asInt());

        // A planner sees the exact referral, its territories included.
        JsonNode exact = null;
        for (JsonNode r : get(query).getBody().get("referrals")) {
            if (r.get("service").get("id").asText().equals(SHELTER)) {
                exact = r;
            }
        }
        assertThat(exact.get("distanceKm").asDouble()).isLessThanOrEqualTo(km);
        assertThat(exact.get("path").toString()).contains(NEED_PLACE);
    }

    @Test
    void plannersAndTheOwningCooperativeSeeEverythingOtherCooperativesDoNot() {
        assertThat(get("/api/v1/services/" + SHELTER).getBody().get("territories").toString()).contains(SHELTER_AREA);
        assertThat(as(keyOf("ex-coop-000"), "/api/v1/services/" + SHELTER).getBody().get("territories").toString())
                .contains(SHELTER_AREA);
        assertThat(as(keyOf("ex-coop-001"), "/api/v1/services/" + SHELTER).getBody().get("territories")).isEmpty();
    }

    @Test
    void anotherCooperativeMayNotAskAWhatIfWithoutIt() {
        String other = keyOf("ex-coop-001");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(other);
        ResponseEntity<JsonNode> whatIf = http.exchange("/api/v1/what-if", HttpMethod.POST, new HttpEntity<>(
                java.util.Map.of("remove", List.of("ex-coop-000")), headers), JsonNode.class);
        assertThat(whatIf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/what-if", java.util.Map.of("remove", List.of("ex-coop-000"))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aConfidentialPartnerShowsNoBaseAndItsServicesNoTerritories() {
        ObjectNode partner = (ObjectNode) get("/api/v1/partners/ex-partner-002").getBody().deepCopy();
        String base = partner.get("basedIn").asText();
        partner.put("confidential", true);
        assertThat(put("/api/v1/partners/ex-partner-002", partner).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode seen = as(reader, "/api/v1/partners/ex-partner-002").getBody();
        assertThat(seen.get("basedIn").isNull()).isTrue();
        assertThat(ids(as(reader, "/api/v1/partners?territory=" + base).getBody().get("content")))
                .doesNotContain("ex-partner-002");
        assertThat(as(reader, "/api/v1/services/ex-svc-0025").getBody().get("territories")).isEmpty();
        assertThat(ids(as(reader, "/api/v1/services?territory=ex015204").getBody().get("content")))
                .doesNotContain("ex-svc-0025");
        // The planner's export keeps everything, so that nothing is lost on a round trip.
        assertThat(get("/api/v1/partners/ex-partner-002").getBody().get("basedIn").asText()).isEqualTo(base);
        assertThat(get("/api/v1/export").getBody().toString()).contains("\"confidential\":true");
    }
}
