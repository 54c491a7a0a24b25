package it.snodo.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.snodo.SnodoIT;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/v1/import/hsds}: a hand-written HSDS document of a cooperative of Rho and
 * Legnano imports; bad documents are refused naming the path and write nothing; a network read
 * as HSDS and imported into an empty database is the same network, for what HSDS carries.
 */
class HsdsImportIT extends SnodoIT {

    private static final String IMPORT = "/api/v1/import/hsds";

    private ArrayNode fixture() {
        return (ArrayNode) resource("/hsds/rho-legnano-services.json");
    }

    private JsonNode importHsds(JsonNode document) {
        ResponseEntity<JsonNode> r = post(IMPORT, document);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders().getFirst("Network-Version"))
                .isEqualTo(r.getBody().get("networkVersion").asText());
        return r.getBody();
    }

    @Test
    void aCooperativeOfRhoAndLegnanoImports() {
        importOk(resource("/hsds/base-network.json"));
        JsonNode report = importHsds(fixture());
        assertThat(report.get("rows").get("cooperatives").asInt()).isEqualTo(1);
        assertThat(report.get("rows").get("services").asInt()).isEqualTo(3);
        assertThat(report.get("rows").get("categories").asInt()).isEqualTo(1);
        assertThat(report.get("skipped")).hasSize(1);
        assertThat(report.get("skipped").get(0).get("path").asText()).isEqualTo("[3]");
        assertThat(report.get("skipped").get(0).get("status").asText()).isEqualTo("defunct");
        List<String> dropped = mapper.convertValue(
                report.get("dropped"), mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(dropped)
                .contains("[0].description", "[0].contacts", "[2].url", "[0].organization.description")
                .noneMatch(p -> p.contains("Referente"));

        JsonNode network = get("/api/v1/export").getBody();
        JsonNode coop = find(network.get("cooperatives"), "id", "coop-il-ponte");
        assertThat(coop.get("type").asText()).isEqualTo("A");
        assertThat(coop.get("basedIn").asText()).isEqualTo("015182");
        JsonNode home = find(network.get("services"), "id", "ponte-sad-rho");
        assertThat(home.get("capacity").asInt()).isEqualTo(20);
        assertThat(home.get("occupied").asInt()).isEqualTo(15);
        assertThat(home.get("territories").get(0).asText()).isEqualTo("015182");
        assertThat(home.get("categories").get(0).asText()).isEqualTo("anziani.domiciliare");
        JsonNode closed = find(network.get("services"), "id", "ponte-cdd-legnano");
        assertThat(closed.get("occupied").asInt()).isEqualTo(12);
        JsonNode work = find(
                network.get("services"),
                "id",
                "hsds-" + fixture().get(2).get("id").asText());
        assertThat(work.get("territories").get(0).asText()).isEqualTo("015118");
        assertThat(work.get("categories").get(0).asText()).isEqualTo("servizi-lombardia.SL01");
        assertThat(work.get("capacity").asInt()).isEqualTo(4);
        assertThat(find(network.get("categories"), "code", "servizi-lombardia.SL01")
                        .get("name")
                        .asText())
                .isEqualTo("Orientamento al lavoro");
        assertThat(network.get("services")).noneMatch(s -> s.get("id").asText().equals("ponte-doposcuola"));

        long version = report.get("networkVersion").asLong();
        assertThat(importHsds(fixture()).get("networkVersion").asLong()).isEqualTo(version);
        assertThat(get("/api/v1/export").getBody()).isEqualTo(network);
    }

    private void refused(int status, String field, Consumer<ArrayNode> change) {
        ArrayNode document = fixture();
        change.accept(document);
        JsonNode before = get("/api/v1/export").getBody();
        ResponseEntity<JsonNode> r = post(IMPORT, document);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(fields(r.getBody().get("errors"))).as("%s", r.getBody()).contains(field);
        assertThat(get("/api/v1/export").getBody()).isEqualTo(before);
    }

    @Test
    void badRecordsAreNamedAndNothingIsWritten() {
        importOk(resource("/hsds/base-network.json"));
        refused(400, "[1].id", d -> ((ObjectNode) d.get(1)).put("id", "centro-diurno"));
        refused(
                422,
                "[1].service_areas[0].uri",
                d -> ((ObjectNode) d.get(1).get("service_areas").get(0)).put("uri", "urn:istat:099999"));
        refused(
                400,
                "[0].capacities[0].available",
                d -> ((ObjectNode) d.get(0).get("capacities").get(0)).put("available", 21));
        refused(
                422,
                "[2].service_areas[0].name",
                d -> ((ObjectNode) d.get(2).get("service_areas").get(0)).put("name", "Paderno"));
    }

    @Test
    void onlyPlannersImport() {
        importOk(resource("/hsds/base-network.json"));
        importHsds(fixture());
        for (String role : List.of("READER", "HELP_DESK")) {
            ResponseEntity<JsonNode> r =
                    as(newKey(role, null, role), org.springframework.http.HttpMethod.POST, IMPORT, fixture());
            assertThat(r.getStatusCode().value()).as(role).isEqualTo(403);
        }
        ResponseEntity<JsonNode> r =
                as(cooperativeKey("coop-il-ponte"), org.springframework.http.HttpMethod.POST, IMPORT, fixture());
        assertThat(r.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void notAnArrayIsRefused() {
        ResponseEntity<JsonNode> r = post(IMPORT, mapper.createObjectNode().put("id", "x"));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(r.getBody().get("errors"))).containsExactly("$");
    }

    @Test
    void aNetworkReadAsHsdsImportsBackTheSame() throws Exception {
        JsonNode example = example();
        importOk(example);
        JsonNode before = get("/api/v1/export").getBody();
        JsonNode organizations =
                get("/hsds/organizations?per_page=1000").getBody().get("contents");
        ArrayNode services = mapper.createArrayNode();
        for (String line :
                http.getForObject("/hsds/services?format=ndjson", String.class).split("\n")) {
            if (!line.isBlank()) {
                services.add(mapper.readTree(line));
            }
        }

        store.clear();
        ObjectNode tree = mapper.createObjectNode();
        tree.set("territories", example.get("territories"));
        tree.set("categories", example.get("categories"));
        importOk(tree);
        importHsds(organizations);
        JsonNode report = importHsds(services);
        assertThat(report.get("skipped")).isEmpty();

        JsonNode after = get("/api/v1/export").getBody();
        for (String section : List.of("territories", "categories", "cooperatives", "partners")) {
            assertThat(after.get(section)).as(section).isEqualTo(before.get(section));
        }
        assertThat(occupiedZeroAsNone(after.get("services"))).isEqualTo(occupiedZeroAsNone(before.get("services")));
        long version = report.get("networkVersion").asLong();
        assertThat(importHsds(services).get("networkVersion").asLong()).isEqualTo(version);
    }

    /** HSDS cannot tell no occupied places from none recorded. */
    private static JsonNode occupiedZeroAsNone(JsonNode services) {
        JsonNode copy = services.deepCopy();
        copy.forEach(s -> {
            if (s.path("occupied").asInt(-1) == 0) {
                ((ObjectNode) s).putNull("occupied");
            }
        });
        return copy;
    }
}
