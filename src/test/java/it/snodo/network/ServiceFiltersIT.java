package it.snodo.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.SnodoIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services filtered by territory and category cover them, as the analyses say; availableIn and
 * addresses match the service's own lists. Needs filtered by territory and category are those a
 * gap report counts as demand; ofKind matches the need's own category. A hand network: a region, a province, a district with
 * two municipalities, a second district with one, and a district with none.
 */
class ServiceFiltersIT extends SnodoIT {

    @BeforeEach
    void loadHandNetwork() {
        importOk(Map.of(
                "territories",
                        List.of(
                                Map.of("id", "t-region", "name", "Region", "level", "REGION"),
                                Map.of(
                                        "id",
                                        "t-province",
                                        "name",
                                        "Province",
                                        "level",
                                        "PROVINCE",
                                        "partOf",
                                        "t-region"),
                                Map.of(
                                        "id",
                                        "t-district",
                                        "name",
                                        "District",
                                        "level",
                                        "DISTRICT",
                                        "partOf",
                                        "t-province"),
                                Map.of(
                                        "id",
                                        "t-other",
                                        "name",
                                        "Other district",
                                        "level",
                                        "DISTRICT",
                                        "partOf",
                                        "t-province"),
                                Map.of(
                                        "id",
                                        "t-empty",
                                        "name",
                                        "Empty district",
                                        "level",
                                        "DISTRICT",
                                        "partOf",
                                        "t-province"),
                                town("t-m1", "t-district"),
                                town("t-m2", "t-district"),
                                town("t-m3", "t-other")),
                "categories",
                        List.of(
                                Map.of("code", "c-care", "name", "Care"),
                                Map.of("code", "c-care.home", "name", "Home care", "partOf", "c-care"),
                                Map.of("code", "c-work", "name", "Work")),
                "cooperatives", List.of(Map.of("id", "coop", "name", "Cooperative", "type", "A")),
                "services",
                        List.of(
                                service("s-district", "t-district", "c-care.home"),
                                service("s-m1", "t-m1", "c-care"),
                                service("s-province", "t-province", "c-work"),
                                service("s-region", "t-region", "c-care.home"),
                                service("s-m3", "t-m3", "c-care"),
                                service("s-empty", "t-empty", "c-care"))));
    }

    @Test
    void aTerritoryListsTheServicesThatCoverOneOfItsMunicipalities() {
        assertThat(services("territory=t-district")).containsExactly("s-district", "s-m1", "s-province", "s-region");
        assertThat(services("territory=t-m2")).containsExactly("s-district", "s-province", "s-region");
        assertThat(services("territory=t-m1")).containsExactly("s-district", "s-m1", "s-province", "s-region");
        assertThat(services("territory=t-province"))
                .containsExactly("s-district", "s-m1", "s-m3", "s-province", "s-region");
        // Available in a district with no municipality, a service covers no one there, nor above it.
        assertThat(services("territory=t-empty")).isEmpty();
        assertThat(services("territory=t-region")).doesNotContain("s-empty");
    }

    @Test
    void availableInListsTheServicesWhoseOwnListNamesTheTerritory() {
        assertThat(services("availableIn=t-district")).containsExactly("s-district");
        assertThat(services("availableIn=t-m2")).isEmpty();
        assertThat(services("availableIn=t-empty")).containsExactly("s-empty");
    }

    @Test
    void aCategoryListsTheServicesThatCoverItAndAddressesThoseThatNameIt() {
        assertThat(services("category=c-care")).containsExactly("s-district", "s-empty", "s-m1", "s-m3", "s-region");
        assertThat(services("category=c-care.home")).containsExactly("s-district", "s-region");
        assertThat(services("addresses=c-care")).containsExactly("s-empty", "s-m1", "s-m3");
        assertThat(services("category=c-care&territory=t-m2")).containsExactly("s-district", "s-region");
    }

    @Test
    void theFiltersAgreeWithTheGapReport() {
        for (String territory : List.of("t-district", "t-m1", "t-m2", "t-province", "t-region")) {
            JsonNode rows = get("/api/v1/gaps?territory=" + territory).getBody().get("rows");
            for (String category : List.of("c-care", "c-care.home", "c-work")) {
                long listed = services("territory=" + territory + "&category=" + category)
                        .size();
                long covering = 0;
                for (JsonNode row : rows) {
                    if (row.get("category").asText().equals(category)) {
                        covering = row.get("services").asLong();
                    }
                }
                assertThat(listed).as(territory + " " + category).isEqualTo(covering);
            }
        }
    }

    @Test
    void needsAreFilteredAsAGapReportCountsDemand() {
        importOk(Map.of(
                "needs",
                List.of(
                        need("n-m1-home", "t-m1", "c-care.home", 5), need("n-m2-care", "t-m2", "c-care", 7),
                        need("n-m3-home", "t-m3", "c-care.home", 11), need("n-m1-work", "t-m1", "c-work", 13))));
        assertThat(needs("territory=t-district&category=c-care")).containsExactly("n-m1-home", "n-m2-care");
        assertThat(needs("category=c-care")).containsExactly("n-m1-home", "n-m2-care", "n-m3-home");
        assertThat(needs("ofKind=c-care")).containsExactly("n-m2-care");
        assertThat(needs("territory=t-m1")).containsExactly("n-m1-home", "n-m1-work");
        for (String territory : List.of("t-district", "t-m1", "t-m2", "t-province", "t-other")) {
            JsonNode rows = get("/api/v1/gaps?territory=" + territory).getBody().get("rows");
            for (String category : List.of("c-care", "c-care.home", "c-work")) {
                JsonNode listed = get("/api/v1/needs?size=1000&territory=" + territory + "&category=" + category)
                        .getBody()
                        .get("content");
                long people = 0;
                for (JsonNode n : listed) {
                    people += n.get("people").asLong();
                }
                long demand = 0;
                for (JsonNode row : rows) {
                    if (row.get("category").asText().equals(category)) {
                        demand = row.get("demand").asLong();
                    }
                }
                assertThat(people).as(territory + " " + category).isEqualTo(demand);
            }
        }
    }

    private List<String> needs(String query) {
        JsonNode page = get("/api/v1/needs?size=1000&" + query).getBody();
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static Map<String, Object> need(String id, String town, String category, int people) {
        return Map.of("id", id, "category", category, "territory", town, "people", people, "urgency", "HIGH");
    }

    private List<String> services(String query) {
        JsonNode page = get("/api/v1/services?size=1000&" + query).getBody();
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(page.get("totalElements").asLong()).isEqualTo(ids.size());
        return ids;
    }

    private static Map<String, Object> town(String id, String district) {
        return Map.of("id", id, "name", id, "level", "MUNICIPALITY", "partOf", district, "lat", 45.5, "lon", 9.0);
    }

    private static Map<String, Object> service(String id, String territory, String category) {
        return Map.of(
                "id",
                id,
                "name",
                id,
                "provider",
                "coop",
                "categories",
                List.of(category),
                "territories",
                List.of(territory));
    }
}
