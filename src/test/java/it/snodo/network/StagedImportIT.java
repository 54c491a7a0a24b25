package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Every import staged ({@code snodo.import.staged-from=1}): the tests of {@link ImportIT} run again
 * through {@link StagedImport}, and these show what staging adds: rows invisible until the switch-in,
 * a write made meanwhile kept or refused as a conflict, abandoned rows swept away.
 */
@TestPropertySource(properties = "snodo.import.staged-from=1")
class StagedImportIT extends ImportIT {

    @Autowired
    private Driver driver;

    @Autowired
    private DocumentReader reader;

    @Test
    void stagedRowsAreInvisibleUntilTheSwitchInMakesThemTheNetwork() {
        importOk(example());
        JsonNode before = get("/api/v1/export").getBody();
        long entities = count("MATCH (x:Entity) RETURN count(x) AS n");
        long version = store.version();

        ObjectNode additions = additions();
        StagedImport.Staging staging = store.stage(document(additions));

        assertThat(count("MATCH (x:Staged) RETURN count(x) AS n")).isEqualTo(4);
        assertThat(get("/api/v1/export").getBody()).isEqualTo(before);
        assertThat(count("MATCH (x:Entity) RETURN count(x) AS n")).isEqualTo(entities);
        assertThat(get("/api/v1/cooperatives/st-coop").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/services/ex-svc-0000").getBody().get("name").asText())
                .isEqualTo("Servizio Esempio 0");
        assertThat(store.version()).isEqualTo(version);

        long switched = store.switchIn(staging);

        assertThat(switched).isEqualTo(version + 1);
        assertThat(count("MATCH (x:Staged) RETURN count(x) AS n")).isZero();
        assertThat(count("MATCH (x:StagedImport) RETURN count(x) AS n")).isZero();
        JsonNode after = get("/api/v1/export").getBody();
        additions
                .fields()
                .forEachRemaining(section -> section.getValue()
                        .forEach(row -> assertThat(after.get(section.getKey()))
                                .as("%s holds %s: %s", section.getKey(), row, after.get(section.getKey()))
                                .anySatisfy(stored ->
                                        assertThat(subset(stored, row)).isTrue())));
        // What the staging wrote carries the version that switched it in, as its revision.
        assertThat(get("/api/v1/cooperatives/st-coop").getHeaders().getETag()).isEqualTo("\"" + switched + "\"");
        assertThat(get("/api/v1/ties/st-coop/ex-coop-000/CO_DESIGN")
                        .getHeaders()
                        .getETag())
                .isEqualTo("\"" + switched + "\"");
        assertThat(get("/api/v1/ties/st-coop/st-partner/CONTRACT").getHeaders().getETag())
                .isEqualTo("\"" + switched + "\"");
    }

    @Test
    void aWriteMadeWhileStagingIsKeptAndTheImportStillLands() {
        importOk(example());
        StagedImport.Staging staging = store.stage(document(additions()));

        var made = post(
                "/api/v1/needs",
                Map.of(
                        "id",
                        "st-other-need",
                        "category",
                        "ex-anziani.sportello",
                        "territory",
                        "ex015154",
                        "people",
                        3));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long meanwhile = store.version();
        long switched = store.switchIn(staging);

        assertThat(switched).isEqualTo(meanwhile + 1);
        assertThat(get("/api/v1/needs/st-other-need").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/needs/st-need").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/ties/st-coop/st-partner/CONTRACT").getHeaders().getETag())
                .isEqualTo("\"" + switched + "\"");
    }

    @Test
    void aNewRowMadeMeanwhileByAnotherWriteRefusesTheWholeImport() {
        importOk(example());
        StagedImport.Staging staging = store.stage(document(additions()));
        var made = post(
                "/api/v1/needs",
                Map.of("id", "st-need", "category", "ex-anziani.sportello", "territory", "ex015154", "people", 3));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode before = get("/api/v1/export").getBody();

        assertThatThrownBy(() -> store.switchIn(staging))
                .isInstanceOf(EntityConflict.class)
                .hasMessageContaining("st-need");

        assertThat(get("/api/v1/export").getBody()).isEqualTo(before);
        assertThat(count("MATCH (x:Staged) RETURN count(x) AS n")).isZero();
        assertThat(count("MATCH (x:StagedImport) RETURN count(x) AS n")).isZero();
    }

    @Test
    void theSweepRemovesAnAbandonedImportWhichThenCannotLand() {
        importOk(example());
        JsonNode before = get("/api/v1/export").getBody();
        StagedImport.Staging staging = store.stage(document(additions()));

        assertThat(store.sweep(60_000)).as("a fresh import is not abandoned").isZero();
        assertThat(count("MATCH (x:Staged) RETURN count(x) AS n")).isPositive();
        assertThat(store.sweep(0)).isEqualTo(1);

        assertThat(count("MATCH (x:Staged) RETURN count(x) AS n")).isZero();
        assertThatThrownBy(() -> store.switchIn(staging))
                .isInstanceOf(EntityConflict.class)
                .hasMessageContaining("abandoned");
        assertThat(get("/api/v1/export").getBody()).isEqualTo(before);
    }

    /**
     * New rows naming each other and the example (a cooperative, a partner, a service, a need, two
     * ties), and one existing service renamed.
     */
    private ObjectNode additions() {
        ObjectNode doc = mapper.createObjectNode();
        doc.putArray("cooperatives")
                .addObject()
                .put("id", "st-coop")
                .put("name", "Cooperativa in staging")
                .put("type", "A")
                .put("basedIn", "ex015154")
                .put("memberOf", "ex-consorzio");
        doc.putArray("partners")
                .addObject()
                .put("id", "st-partner")
                .put("name", "Partner in staging")
                .put("kind", "FOUNDATION")
                .put("basedIn", "ex015154");
        ArrayNode services = doc.putArray("services");
        ObjectNode service = services.addObject()
                .put("id", "st-svc")
                .put("name", "Servizio in staging")
                .put("provider", "st-coop")
                .put("capacity", 4);
        service.putArray("categories").add("ex-anziani.sportello");
        service.putArray("territories").add("ex-ambito-castanese").add("ex015154");
        ObjectNode renamed = (ObjectNode)
                find(example().get("services"), "id", "ex-svc-0000").deepCopy();
        services.add(renamed.put("name", "Servizio Esempio 0, rinominato"));
        doc.putArray("needs")
                .addObject()
                .put("id", "st-need")
                .put("category", "ex-anziani.sportello")
                .put("territory", "ex015154")
                .put("people", 12)
                .put("urgency", "HIGH");
        ArrayNode ties = doc.putArray("ties");
        ties.addObject()
                .put("from", "st-coop")
                .put("to", "ex-coop-000")
                .put("kind", "CO_DESIGN")
                .put("since", "2024")
                .put("strength", 0.5);
        ties.addObject()
                .put("from", "st-coop")
                .put("to", "st-partner")
                .put("kind", "CONTRACT")
                .put("since", "2025")
                .put("strength", 0.75);
        return doc;
    }

    private NetworkDocument document(JsonNode json) {
        DocumentReader.Result read = reader.read(json);
        assertThat(read.violations()).isEmpty();
        return read.document();
    }

    /** Whether every field the row gives is the stored row's. */
    private static boolean subset(JsonNode stored, JsonNode row) {
        var fields = row.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().equals(stored.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private long count(String query) {
        try (Session session = driver.session()) {
            return session.run(query).single().get("n").asLong();
        }
    }
}
