package it.snodo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.util.List;
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

    @Test
    void aConfidentialServiceIsPlacedAtTheDistanceTheCallerIsShown() {
        // A service the planner sees used at a distance that is not a multiple of 5 km.
        JsonNode query = null;
        String hidden = null;
        for (JsonNode c : resource("/examples/sharing-network.expected.json").get("allocations")) {
            for (JsonNode a :
                    post("/api/v1/allocations", c.get("query")).getBody().get("assignments")) {
                double km = a.get("distanceKm").asDouble();
                if (hidden == null && km > 0 && km % 5 != 0) {
                    query = c.get("query");
                    hidden = a.get("service").asText();
                }
            }
        }
        assertThat(hidden)
                .as("a service used at a distance that is not a multiple of 5 km")
                .isNotNull();
        ObjectNode network = (ObjectNode) resource("/examples/sharing-network.json");
        network.remove(java.util.List.of("skills", "skillOffers", "skillRequests", "spaces"));
        String provider = null;
        for (JsonNode service : network.get("services")) {
            if (service.get("id").asText().equals(hidden)) {
                ((ObjectNode) service).put("confidential", true);
                provider = service.get("provider").asText();
            }
        }
        importOk(network);
        JsonNode planner = post("/api/v1/allocations", query).getBody();
        String other = null;
        for (JsonNode cooperative : network.get("cooperatives")) {
            if (!cooperative.get("id").asText().equals(provider)) {
                other = cooperative.get("id").asText();
            }
        }
        JsonNode shown = as(cooperativeKey(other), HttpMethod.POST, "/api/v1/allocations", query)
                .getBody();
        boolean plannerSeesItsOwnDistance = false;
        for (JsonNode a : planner.get("assignments")) {
            if (a.get("service").asText().equals(hidden)) {
                plannerSeesItsOwnDistance |= a.get("distanceKm").asDouble() % 5 != 0;
            }
        }
        assertThat(plannerSeesItsOwnDistance).isTrue();
        // It takes part for the cooperative too, only farther.
        List<String> supply = new java.util.ArrayList<>();
        shown.get("services").forEach(s -> supply.add(s.get("service").asText()));
        assertThat(supply).contains(hidden);
        for (JsonNode a : shown.get("assignments")) {
            if (a.get("service").asText().equals(hidden)) {
                double km = a.get("distanceKm").asDouble();
                assertThat(km % 5).as("%s shown at %s km", hidden, km).isZero();
                assertThat(km).isGreaterThanOrEqualTo(5);
            }
        }
        // Placing it farther never places more weight, nor at fewer people-km.
        assertThat(shown.get("weightedPlaced").asLong())
                .isLessThanOrEqualTo(planner.get("weightedPlaced").asLong());
        if (shown.get("weightedPlaced").asLong()
                == planner.get("weightedPlaced").asLong()) {
            assertThat(shown.get("peopleKm").asDouble())
                    .isGreaterThanOrEqualTo(planner.get("peopleKm").asDouble());
        }
    }
}
