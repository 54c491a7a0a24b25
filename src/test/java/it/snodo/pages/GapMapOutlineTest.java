package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.snodo.demo.DemoNetwork;
import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The gap map's outline: made from the municipalities' points, and each point in its own cell and district. */
class GapMapOutlineTest {

    static final Path FILE = Path.of("src/main/resources/static/geo/alto-milanese.geojson");

    private final List<Territory> territories = DemoNetwork.build().territories();

    @Test
    void theCommittedOutlineIsTheOneMadeFromTheMunicipalities() throws IOException {
        String made = AltoMilaneseOutline.geoJson(territories);
        if (Boolean.getBoolean("snodo.geo.write")) {
            Files.writeString(FILE, made, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s is stale: run this test with -Dsnodo.geo.write=true", FILE)
                .isEqualTo(made);
    }

    @Test
    void everyMunicipalityLiesInItsOwnCellOnlyAndTheCellNamesItsDistrict() throws IOException {
        JsonNode features = new ObjectMapper().readTree(FILE.toFile()).get("features");
        Map<String, JsonNode> cells = new HashMap<>();
        Set<String> borderDistricts = new TreeSet<>();
        for (JsonNode f : features) {
            if ("municipality".equals(f.at("/properties/kind").asText())) {
                cells.put(f.at("/properties/id").asText(), f);
            } else {
                assertThat(f.at("/properties/kind").asText()).isEqualTo("border");
                f.at("/properties/districts").forEach(d -> borderDistricts.add(d.asText()));
                assertThat(f.at("/geometry/coordinates")).isNotEmpty();
            }
        }
        List<Territory> towns = territories.stream()
                .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                .toList();
        assertThat(towns).hasSize(67);
        assertThat(cells.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        towns.stream().map(Territory::id).toList());
        for (Territory town : towns) {
            JsonNode cell = cells.get(town.id());
            assertThat(cell.at("/properties/district").asText()).as(town.name()).isEqualTo(town.partOf());
            assertThat(cell.at("/properties/name").asText()).isEqualTo(town.name());
            for (Map.Entry<String, JsonNode> other : cells.entrySet()) {
                boolean inside = contains(other.getValue().at("/geometry/coordinates/0"), town.lon(), town.lat());
                assertThat(inside)
                        .as("%s in the cell of %s", town.name(), other.getKey())
                        .isEqualTo(other.getKey().equals(town.id()));
            }
        }
        // The five districts all touch another one somewhere.
        assertThat(borderDistricts)
                .containsExactlyInAnyOrderElementsOf(territories.stream()
                        .filter(t -> t.level() == TerritoryLevel.DISTRICT)
                        .map(Territory::id)
                        .toList());
    }

    /** Ray casting: whether (x, y) is inside the closed ring. */
    private static boolean contains(JsonNode ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i).get(0).asDouble();
            double yi = ring.get(i).get(1).asDouble();
            double xj = ring.get(j).get(0).asDouble();
            double yj = ring.get(j).get(1).asDouble();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
