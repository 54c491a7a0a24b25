package it.snodo.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import it.snodo.engine.EngineSnapshot;
import it.snodo.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Gap reports and the gap matrix over HTTP, on the real database with the worked example. */
class GapIT extends SnodoIT {

    @Autowired
    private Snapshots snapshots;

    @BeforeEach
    void loadExample() {
        importOk(example());
    }

    @Test
    void gapReportsFollowTheWorkedExample() {
        for (JsonNode c : resource("/examples/example-network.expected.json").get("gaps")) {
            String territory = c.get("territory").asText();
            JsonNode report = get("/api/v1/gaps?territory=" + territory).getBody();
            assertThat(report.get("territory").get("id").asText()).isEqualTo(territory);
            List<String> rows = new ArrayList<>();
            report.get("rows").forEach(r -> rows.add(line(r)));
            List<String> expected = new ArrayList<>();
            c.get("rows").forEach(r -> expected.add(line(r)));
            assertThat(rows).as(territory).containsExactlyElementsOf(expected);
        }
    }

    private static String line(JsonNode r) {
        return String.join(
                ",",
                r.get("category").asText(),
                r.get("demand").asText(),
                r.get("supply").asText(),
                r.get("supplyKnown").asText(),
                r.get("providers").asText(),
                r.get("state").asText());
    }

    @Test
    void aGapReportComesAsCsvForSpreadsheets() {
        ResponseEntity<String> csv = csv("/api/v1/gaps?territory=ex-ambito-castanese");

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0])
                .isEqualTo(
                        "territory,category,categoryName,demand,supply,supplyKnown,providers,services,state,declinedFull");
        assertThat(lines).hasSize(1 + 18);
        assertThat(lines).contains("ex-ambito-castanese,ex-disabili.lavoro,disabili lavoro,23,0,true,0,0,UNCOVERED,0");
    }

    @Test
    void theMatrixGivesEveryDistrictAgainstEveryCategory() {
        JsonNode matrix = get("/api/v1/gaps/matrix?level=DISTRICT").getBody();

        assertThat(matrix.get("territories")).hasSize(4);
        assertThat(matrix.get("categories")).hasSize(20);
        List<String> categories = new ArrayList<>();
        matrix.get("categories").forEach(c -> categories.add(c.asText()));
        int castanese = 0;
        assertThat(matrix.get("territories").get(castanese).get("id").asText()).isEqualTo("ex-ambito-castanese");
        JsonNode row = matrix.get("cells").get(castanese);
        assertThat(row.get(categories.indexOf("ex-disabili.lavoro")).asText()).isEqualTo("UNCOVERED");
        assertThat(row.get(categories.indexOf("ex-famiglia_minori")).asText()).isEqualTo("UNDER");
        assertThat(row.get(categories.indexOf("ex-disabili.diurno")).asText()).isEqualTo("FRAGILE");
        assertThat(row.get(categories.indexOf("ex-anziani")).asText()).isEqualTo("COVERED");
        assertThat(row.get(categories.indexOf("ex-immigrati_nomadi.abitare")).isNull())
                .isTrue();

        ResponseEntity<String> csv = csv("/api/v1/gaps/matrix?level=DISTRICT");
        assertThat(csv.getBody()).contains("ex-ambito-castanese,Ambito Castanese,ex-disabili.lavoro,UNCOVERED");
    }

    @Test
    void theMatrixCsvHasARowForEveryCellWithAnEmptyStateWhereTheCellIsNull() {
        JsonNode matrix = get("/api/v1/gaps/matrix?level=DISTRICT").getBody();
        int territories = matrix.get("territories").size();
        int categories = matrix.get("categories").size();
        String[] lines = csv("/api/v1/gaps/matrix?level=DISTRICT").getBody().split("\r\n");

        assertThat(lines[0]).isEqualTo("territory,territoryName,category,state,declinedFull");
        assertThat(lines).hasSize(1 + territories * categories);
        int empty = 0;
        for (int i = 0; i < territories; i++) {
            for (int j = 0; j < categories; j++) {
                String[] fields = lines[1 + i * categories + j].split(",", -1);
                JsonNode cell = matrix.get("cells").get(i).get(j);
                assertThat(fields)
                        .containsExactly(
                                matrix.get("territories").get(i).get("id").asText(),
                                matrix.get("territories").get(i).get("name").asText(),
                                matrix.get("categories").get(j).asText(),
                                cell.isNull() ? "" : cell.asText(),
                                matrix.get("declinedFull").get(i).get(j).asText());
                empty += cell.isNull() ? 1 : 0;
            }
        }
        assertThat(empty).as("the example has empty cells").isPositive();
        assertThat(lines).contains("ex-ambito-castanese,Ambito Castanese,ex-immigrati_nomadi.abitare,,0");
    }

    @Test
    void aNeedWriteIsInTheSnapshotWhenItReturnsWithoutARebuild() {
        JsonNode before = get("/api/v1/gaps?territory=ex015154").getBody().get("rows");
        EngineSnapshot engine = snapshots.fresh();

        ResponseEntity<JsonNode> created = post(
                "/api/v1/needs",
                mapper.createObjectNode()
                        .put("id", "extra-need")
                        .put("category", "ex-anziani.sportello")
                        .put("territory", "ex015154")
                        .put("people", 7));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long version = Long.parseLong(created.getHeaders().getFirst("Network-Version"));
        // Patched on the writer's thread: the new snapshot is current already, and shares the
        // referral index with the one before (a rebuild would have made a new one).
        EngineSnapshot patched = snapshots.current();
        assertThat(patched.version()).isEqualTo(version);
        assertThat(patched.referrals()).isSameAs(engine.referrals());
        // Synergies score open gaps: they must be computed anew.
        assertThat(patched.synergies()).isNotSameAs(engine.synergies());
        JsonNode after = get("/api/v1/gaps?territory=ex015154").getBody().get("rows");
        JsonNode topAfter = get("/api/v1/synergies/top?limit=20").getBody().get("pairs");
        assertThat(demand(after, "ex-anziani.sportello")).isEqualTo(demand(before, "ex-anziani.sportello") + 7);
        assertThat(demand(after, "ex-anziani")).isEqualTo(demand(before, "ex-anziani") + 7);

        // The patch equals what a rebuild from the database gives.
        snapshots.rebuildNow();
        assertThat(get("/api/v1/gaps?territory=ex015154").getBody().get("rows")).isEqualTo(after);
        assertThat(get("/api/v1/synergies/top?limit=20").getBody().get("pairs")).isEqualTo(topAfter);

        assertThat(delete("/api/v1/needs/extra-need").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(snapshots.current().version()).isEqualTo(version + 1);
        assertThat(get("/api/v1/gaps?territory=ex015154").getBody().get("rows")).isEqualTo(before);
    }

    private static long demand(JsonNode rows, String category) {
        return find(rows, "category", category).get("demand").asLong();
    }

    @Test
    void badTerritoriesAndLevelsAreProblemDetails() {
        assertThat(get("/api/v1/gaps?territory=nowhere").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/gaps").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> level = get("/api/v1/gaps/matrix?level=COUNTRY");
        assertThat(level.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(level.getBody().get("errors"))).containsExactly("level");
        ResponseEntity<String> csv = csv("/api/v1/gaps?territory=nowhere");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(csv.getBody()).contains("/problems/not-found");
    }

    private ResponseEntity<String> csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
