package it.snodo.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The skills exchange over the sharing example: the expected file's totals, its rules and its roles. */
class ExchangeIT extends SnodoIT {

    private JsonNode sharing() {
        return resource("/examples/sharing-network.json");
    }

    @Test
    void theExchangeHasTheTotalsTheExpectedFileHolds() {
        importOk(sharing());
        JsonNode expected = resource("/examples/sharing-network.expected.json").get("skillsExchange");
        assertThat(expected.size()).isEqualTo(3);
        for (JsonNode c : expected) {
            ResponseEntity<JsonNode> r = post("/api/v1/skills/exchange", c.get("query"));
            assertThat(r.getStatusCode().value()).as(c.toString()).isEqualTo(200);
            JsonNode b = r.getBody();
            assertThat(b.get("requestedHours").asLong())
                    .as(c.toString())
                    .isEqualTo(c.get("requestedHours").asLong());
            assertThat(b.get("matchedHours").asLong())
                    .as(c.toString())
                    .isEqualTo(c.get("matchedHours").asLong());
            assertThat(b.get("hoursKm").asDouble())
                    .as(c.toString())
                    .isCloseTo(c.get("hoursKm").asDouble(), within(0.0015));
            assertThat(b.get("networkVersion").isIntegralNumber()).isTrue();
            long assigned = 0;
            double hoursKm = 0;
            List<List<String>> order = new ArrayList<>();
            for (JsonNode a : b.get("assignments")) {
                assertThat(a.get("from").asText()).isNotEqualTo(a.get("to").asText());
                assertThat(a.get("distanceKm").asDouble())
                        .isLessThanOrEqualTo(c.get("query").get("maxKm").asDouble());
                assigned += a.get("hoursPerWeek").asLong();
                hoursKm += a.get("hoursPerWeek").asLong() * a.get("distanceKm").asDouble();
                order.add(List.of(
                        a.get("to").asText(),
                        a.get("skill").asText(),
                        a.get("from").asText()));
            }
            assertThat(order).isSortedAccordingTo(byParts());
            assertThat(assigned).isEqualTo(b.get("matchedHours").asLong());
            assertThat(hoursKm).isCloseTo(b.get("hoursKm").asDouble(), within(0.01));
            long unmatched = 0;
            List<List<String>> left = new ArrayList<>();
            for (JsonNode u : b.get("unmatched")) {
                unmatched += u.get("hoursPerWeek").asLong();
                left.add(List.of(u.get("cooperative").asText(), u.get("skill").asText()));
            }
            assertThat(left).isSortedAccordingTo(byParts());
            assertThat(unmatched)
                    .isEqualTo(b.get("requestedHours").asLong()
                            - b.get("matchedHours").asLong());
        }
    }

    @Test
    void aSkillKeepsOnlyItsRequestsAndOffers() {
        importOk(sharing());
        JsonNode all = post("/api/v1/skills/exchange", Map.of("maxKm", 500)).getBody();
        JsonNode area = post("/api/v1/skills/exchange", Map.of("maxKm", 500, "skill", "ex-sk-area"))
                .getBody();
        assertThat(area.get("requestedHours").asLong()).isPositive();
        assertThat(area.get("requestedHours").asLong())
                .isLessThanOrEqualTo(all.get("requestedHours").asLong());
        // Only skills of ex-sk-area's subtree: their requests are those skill-requests lists.
        long requested = 0;
        for (JsonNode q : get("/api/v1/skill-requests?skill=ex-sk-area&size=1000")
                .getBody()
                .get("content")) {
            requested += q.get("hoursPerWeek").asLong();
        }
        assertThat(area.get("requestedHours").asLong()).isEqualTo(requested);
    }

    @Test
    void theExchangeRefusesWhatIsOutOfBoundsOrNamesNothing() {
        importOk(sharing());
        ResponseEntity<JsonNode> far = post("/api/v1/skills/exchange", Map.of("maxKm", 501));
        assertThat(far.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(far.getBody().get("errors"))).containsExactly("maxKm");
        assertThat(post("/api/v1/skills/exchange", Map.of("maxKm", -1))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(post("/api/v1/skills/exchange", Map.of("skill", "nothing"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void onlyPlannersAndCooperativesExchange() {
        importOk(sharing());
        String reader = newKey("READER", null, "a directory");
        String desk = newKey("HELP_DESK", null, "a desk");
        String coop = cooperativeKey("ex-coop-001");
        for (String key : List.of(reader, desk)) {
            assertThat(as(key, HttpMethod.POST, "/api/v1/skills/exchange", Map.of("maxKm", 15))
                            .getStatusCode()
                            .value())
                    .isEqualTo(403);
        }
        assertThat(as(coop, HttpMethod.POST, "/api/v1/skills/exchange", Map.of("maxKm", 15))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    private static Comparator<List<String>> byParts() {
        Comparator<List<String>> c = Comparator.comparing(l -> l.get(0));
        return c.thenComparing(l -> l.get(1)).thenComparing(l -> l.size() > 2 ? l.get(2) : "");
    }
}
