package it.snodo.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Synergies and integrated answers over HTTP, on the real database with the worked example. */
class SynergyIT extends SnodoIT {

    @BeforeEach
    void loadExample() {
        importOk(example());
    }

    @Test
    void integratedAnswersFollowTheWorkedExample() {
        for (JsonNode c : resource("/examples/example-network.expected.json").get("integratedAnswers")) {
            JsonNode answer = post("/api/v1/integrated-answers", c.get("query")).getBody();
            assertThat(answer.get("providers"))
                    .as("%s", c.get("query"))
                    .hasSize(c.get("minimumProviders").asInt());
            assertThat(answer.get("uncovered")).as("%s", c.get("query")).isEqualTo(c.get("uncovered"));
            assertThat(answer.get("newTiesNeeded").asInt())
                    .isEqualTo(c.get("newTiesNeeded").asInt());
            int asked = new HashSet<>(strings(c.get("query").get("categories"))).size();
            assertThat(answer.get("assignments"))
                    .hasSize(asked - c.get("uncovered").size());
            answer.get("assignments")
                    .forEach(a -> assertThat(strings(answer.get("providers")))
                            .contains(a.get("provider").asText()));
        }
    }

    @Test
    void badIntegratedQueriesAreProblemDetails() {
        List<String> thirteen = new ArrayList<>();
        resource("/examples/example-network.json")
                .get("categories")
                .forEach(c -> thirteen.add(c.get("code").asText()));
        ResponseEntity<JsonNode> tooMany = post(
                "/api/v1/integrated-answers",
                Map.of("territory", "ex015164", "categories", thirteen.subList(0, 13), "maxKm", 10));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(tooMany.getBody().get("errors"))).containsExactly("categories");

        ResponseEntity<JsonNode> unknown = post(
                "/api/v1/integrated-answers",
                Map.of("territory", "ex015164", "categories", List.of("ex-anziani", "nothing")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(unknown.getBody().get("errors"))).containsExactly("nothing");

        ResponseEntity<JsonNode> district = post(
                "/api/v1/integrated-answers",
                Map.of("territory", "ex-ambito-magentino", "categories", List.of("ex-anziani")));
        assertThat(fields(district.getBody().get("errors"))).containsExactly("territory");
        ResponseEntity<JsonNode> none =
                post("/api/v1/integrated-answers", Map.of("territory", "ex015164", "categories", List.of()));
        assertThat(fields(none.getBody().get("errors"))).containsExactly("categories");
        ResponseEntity<JsonNode> far = post(
                "/api/v1/integrated-answers",
                Map.of("territory", "ex015164", "categories", List.of("ex-anziani"), "maxKm", -1));
        assertThat(fields(far.getBody().get("errors"))).containsExactly("maxKm");
    }

    @Test
    void synergiesAreNeverOneselfNorOneAlreadyTiedAndCarryTheirReasons() {
        for (JsonNode coop : get("/api/v1/cooperatives?size=100").getBody().get("content")) {
            String id = coop.get("id").asText();
            Set<String> tied = new HashSet<>();
            get("/api/v1/ties?actor=" + id + "&size=1000")
                    .getBody()
                    .get("content")
                    .forEach(t -> {
                        tied.add(t.get("from").asText());
                        tied.add(t.get("to").asText());
                    });
            JsonNode answer =
                    get("/api/v1/synergies?cooperative=" + id + "&limit=100").getBody();
            double previous = Double.MAX_VALUE;
            for (JsonNode s : answer.get("suggestions")) {
                String other = s.get("cooperative").asText();
                assertThat(other).isNotEqualTo(id).isNotIn(tied);
                assertThat(other).startsWith("ex-co");
                assertThat(s.get("score").asDouble()).isPositive().isLessThanOrEqualTo(previous);
                previous = s.get("score").asDouble();
                double sum = 0;
                for (JsonNode r : s.get("reasons")) {
                    assertThat(r.get("kind").asText()).isIn("COMPLEMENTARITY", "SHARED_TERRITORY", "COMMON_PARTNERS");
                    assertThat(r.get("detail").asText()).isNotBlank();
                    sum += r.get("kind").asText().equals("SHARED_TERRITORY")
                            ? 2 * r.get("value").asDouble()
                            : r.get("value").asDouble();
                }
                assertThat(sum)
                        .as("the score is the sum of its reasons")
                        .isCloseTo(s.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void theTopPairsListEachPairOnce() {
        JsonNode top = get("/api/v1/synergies/top?limit=100").getBody();
        Set<String> pairs = new HashSet<>();
        for (JsonNode p : top.get("pairs")) {
            assertThat(p.get("a").asText()).isLessThan(p.get("b").asText());
            assertThat(pairs.add(p.get("a").asText() + "|" + p.get("b").asText()))
                    .isTrue();
            assertThat(top.get("names").has(p.get("a").asText())).isTrue();
        }
        assertThat(pairs).isNotEmpty();
    }

    @Test
    void badSynergyQueriesAreProblemDetails() {
        assertThat(get("/api/v1/synergies?cooperative=nobody").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> partner = get("/api/v1/synergies?cooperative=ex-partner-001");
        assertThat(partner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(partner.getBody().get("errors"))).containsExactly("cooperative");
        assertThat(fields(get("/api/v1/synergies?cooperative=ex-coop-001&limit=0")
                        .getBody()
                        .get("errors")))
                .containsExactly("limit");
        assertThat(fields(get("/api/v1/synergies/top?limit=101").getBody().get("errors")))
                .containsExactly("limit");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
