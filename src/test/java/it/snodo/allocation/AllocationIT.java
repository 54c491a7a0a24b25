package it.snodo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Allocations over HTTP, on the real database with the sharing example of shared/examples. */
class AllocationIT extends SnodoIT {

    @BeforeEach
    void loadExample() {
        ObjectNode network = (ObjectNode) resource("/examples/sharing-network.json");
        // The skills and spaces are not part of the network document yet.
        network.remove(java.util.List.of("skills", "skillOffers", "skillRequests", "spaces"));
        importOk(network);
    }

    @Test
    void allocationsFollowTheSharingExample() {
        for (JsonNode c : resource("/examples/sharing-network.expected.json").get("allocations")) {
            ResponseEntity<JsonNode> response = post("/api/v1/allocations", c.get("query"));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode answer = response.getBody();
            assertThat(answer.get("demand").asLong())
                    .as("%s", c.get("query"))
                    .isEqualTo(c.get("demand").asLong());
            assertThat(answer.get("weightedPlaced").asLong())
                    .as("%s", c.get("query"))
                    .isEqualTo(c.get("weightedPlaced").asLong());
            assertThat(answer.get("peopleKm").asDouble())
                    .as("%s", c.get("query"))
                    .isCloseTo(c.get("peopleKm").asDouble(), within(1e-9));
            long placed = 0;
            for (JsonNode a : answer.get("assignments")) {
                placed += a.get("people").asLong();
                assertThat(a.get("distanceKm").asDouble())
                        .isLessThanOrEqualTo(c.get("query").get("maxKm").asDouble());
            }
            long unplaced = 0;
            for (JsonNode u : answer.get("unplaced")) {
                unplaced += u.get("people").asLong();
            }
            assertThat(answer.get("placed").asLong()).isEqualTo(placed);
            assertThat(placed + unplaced).isEqualTo(answer.get("demand").asLong());
            for (JsonNode s : answer.get("services")) {
                assertThat(s.get("used").asLong())
                        .isLessThanOrEqualTo(s.get("freePlaces").asLong());
            }
            assertThat(answer.get("networkVersion").asLong()).isPositive();
        }
    }

    @Test
    void badQueriesNameTheirField() {
        ResponseEntity<JsonNode> missing = post("/api/v1/allocations", Map.of("maxKm", 10));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(missing.getBody().get("errors"))).containsExactly("category");

        ResponseEntity<JsonNode> far =
                post("/api/v1/allocations", Map.of("category", "ex-poverta_disagio_adulti", "maxKm", 501));
        assertThat(far.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(far.getBody().get("errors"))).containsExactly("maxKm");

        ResponseEntity<JsonNode> negative =
                post("/api/v1/allocations", Map.of("category", "ex-poverta_disagio_adulti", "maxKm", -1));
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> unknown = post("/api/v1/allocations", Map.of("category", "nothing"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("nothing");

        ResponseEntity<JsonNode> nowhere =
                post("/api/v1/allocations", Map.of("category", "ex-poverta_disagio_adulti", "territory", "nowhere"));
        assertThat(nowhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTerritoryKeepsItsOwnNeeds() {
        JsonNode all = post("/api/v1/allocations", Map.of("category", "ex-poverta_disagio_adulti", "maxKm", 25))
                .getBody();
        String territory = all.get("unplaced").isEmpty()
                ? all.get("assignments").get(0).get("need").asText()
                : all.get("unplaced").get(0).get("territory").asText();
        JsonNode one = post(
                        "/api/v1/allocations",
                        Map.of("category", "ex-poverta_disagio_adulti", "maxKm", 25, "territory", territory))
                .getBody();
        assertThat(one.get("demand").asLong())
                .isLessThanOrEqualTo(all.get("demand").asLong());
        one.get("unplaced").forEach(u -> assertThat(u.get("territory").asText()).isEqualTo(territory));
    }

    @Test
    void plannersAndCooperativesMayAskReadersAndHelpDesksMayNot() {
        Map<String, Object> query = Map.of("category", "ex-poverta_disagio_adulti", "maxKm", 25);
        String cooperative = cooperativeKey("ex-consorzio");
        assertThat(as(cooperative, HttpMethod.POST, "/api/v1/allocations", query)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String role : new String[] {"READER", "HELP_DESK"}) {
            String key = newKey(role, null, role.toLowerCase());
            assertThat(as(key, HttpMethod.POST, "/api/v1/allocations", query).getStatusCode())
                    .as(role)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }
}
