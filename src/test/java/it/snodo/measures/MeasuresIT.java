package it.snodo.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Fragility, measures and what-if over HTTP, on the real database with the worked example. */
class MeasuresIT extends SnodoIT {

    private JsonNode expected;

    @BeforeEach
    void loadExample() {
        importOk(example());
        expected = resource("/examples/example-network.expected.json");
    }

    @Test
    void fragilityFollowsTheWorkedExample() {
        JsonNode fragility = get("/api/v1/fragility").getBody();
        JsonNode want = expected.get("fragility");

        assertThat(fragility.get("articulationPoints")).isEqualTo(want.get("articulationPoints"));
        assertThat(fragility.get("bridges")).isEqualTo(want.get("bridges"));
        assertThat(fragility.get("components")).isEqualTo(want.get("components"));
        assertThat(fragility.get("isolated")).isEqualTo(want.get("isolated"));
        assertThat(fragility.get("names").get("ex-coop-007").asText()).isEqualTo("Cooperativa Esempio ex 7");
    }

    @Test
    void measuresFollowTheWorkedExample() {
        JsonNode measures = get("/api/v1/network/measures").getBody();
        JsonNode want = expected.get("measures");

        assertThat(measures.get("actors").asInt()).isEqualTo(want.get("actors").asInt());
        assertThat(measures.get("ties").asInt()).isEqualTo(want.get("ties").asInt());
        assertThat(measures.get("components").asInt())
                .isEqualTo(want.get("components").asInt());
        assertThat(measures.get("density").asDouble())
                .isCloseTo(want.get("density").asDouble(), within());
        assertThat(measures.get("degreeCentralization").asDouble())
                .isCloseTo(want.get("degreeCentralization").asDouble(), within());
        want.get("betweenness")
                .fields()
                .forEachRemaining(e -> assertThat(
                                measures.get("betweenness").get(e.getKey()).asDouble())
                        .as(e.getKey())
                        .isCloseTo(e.getValue().asDouble(), within()));
        assertThat(measures.get("brokers").get(0).get("id").asText()).isEqualTo("ex-coop-007");
        int members = 0;
        for (JsonNode c : measures.get("communities")) {
            members += c.size();
        }
        assertThat(members).isEqualTo(17);
        assertThat(measures.get("modularity").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void measuresForATerritoryCountOnlyTheActorsBasedThere() {
        JsonNode measures =
                get("/api/v1/network/measures?territory=ex-ambito-castanese").getBody();
        // Based in the Castanese: coops 000 and 001 in Bernate Ticino, partner 000 in Nosate, partner 001 in Turbigo.
        assertThat(measures.get("territory").asText()).isEqualTo("ex-ambito-castanese");
        assertThat(measures.get("betweenness").size())
                .isEqualTo(measures.get("actors").asInt());
        measures.get("betweenness")
                .fieldNames()
                .forEachRemaining(id -> assertThat(
                                get("/api/v1/" + (id.startsWith("ex-coop") ? "cooperatives/" : "partners/") + id)
                                        .getBody()
                                        .get("basedIn")
                                        .asText())
                        .isIn("ex015155", "ex015019", "ex015007", "ex015226", "ex015038"));
        assertThat(get("/api/v1/network/measures?territory=nowhere").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void whatIfFollowsTheWorkedExampleAndWritesNothing() {
        JsonNode before = get("/api/v1/export").getBody();
        long version = store.version();
        for (JsonNode c : expected.get("whatIf")) {
            JsonNode answer = post(
                            "/api/v1/what-if", Map.of("remove", c.get("query").get("remove")))
                    .getBody();
            assertThat(answer.get("newArticulationPoints")).isEqualTo(c.get("newArticulationPoints"));
            assertThat(answer.get("lostCoverage")).hasSize(c.get("lostCoverage").size());
            for (int i = 0; i < c.get("lostCoverage").size(); i++) {
                JsonNode lost = answer.get("lostCoverage").get(i);
                JsonNode want = c.get("lostCoverage").get(i);
                assertThat(lost.get("territory")).isEqualTo(want.get("territory"));
                assertThat(lost.get("category")).isEqualTo(want.get("category"));
                assertThat(lost.get("people").asLong())
                        .isEqualTo(want.get("people").asLong());
            }
        }
        JsonNode ties = post("/api/v1/what-if", Map.of("removeTies", List.of(List.of("ex-coop-003", "ex-coop-007"))))
                .getBody();
        assertThat(ties.get("lostCoverage")).isEmpty();

        assertThat(get("/api/v1/export").getBody()).isEqualTo(before);
        assertThat(store.version()).isEqualTo(version);
    }

    @Test
    void whatIfNamesEveryUnknownId() {
        ResponseEntity<JsonNode> response = post(
                "/api/v1/what-if",
                Map.of(
                        "remove",
                        List.of("ex-coop-001", "nobody", "ex-svc-0003", "nothing"),
                        "removeTies",
                        List.of(List.of("ex-coop-001", "ghost"))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(response.getBody().get("errors"))).containsExactly("nobody", "nothing", "ghost");

        ResponseEntity<JsonNode> badPair =
                post("/api/v1/what-if", Map.of("removeTies", List.of(List.of("ex-coop-001"))));
        assertThat(badPair.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> badField = post("/api/v1/what-if", Map.of("delete", List.of("ex-coop-001")));
        assertThat(badField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
