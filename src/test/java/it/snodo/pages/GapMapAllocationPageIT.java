package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The gap map's allocation (/gaps): what it shows on the map and in its tables is what POST
 * /api/v1/allocations answers for the same query; it is reached and used from the keyboard; a
 * refusal shows its problem detail; a key that may not ask it sees nothing of it.
 */
class GapMapAllocationPageIT extends BrowserIT {

    private static final String HOUSING = "poverta_disagio_adulti.strutture_residenziali";

    private TestRestTemplate planner() {
        return TestKeys.asPlanner(http);
    }

    /** The API's allocation for the query, as the planner (the same call the page makes). */
    private JsonNode allocation(String category, Double maxKm, String territory) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        if (maxKm != null) {
            body.put("maxKm", maxKm);
        }
        if (territory != null) {
            body.put("territory", territory);
        }
        var answer = planner().postForEntity("/api/v1/allocations", body, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(200, 400);
        return answer.getBody();
    }

    private JsonNode get(String path) {
        var answer = planner().getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode().value())
                .as("%s %s", path, answer.getBody())
                .isEqualTo(200);
        return answer.getBody();
    }

    /** Placed and unplaced people by municipality: the assignments through their needs' municipality, and the unplaced rows. */
    private Map<String, List<Long>> byTown(JsonNode allocation, String category, String territory) {
        Map<String, String> where = new TreeMap<>();
        get("/api/v1/needs?size=1000&category=" + category + (territory == null ? "" : "&territory=" + territory))
                .get("content")
                .forEach(n -> where.put(n.get("id").asText(), n.get("territory").asText()));
        Map<String, List<Long>> towns = new TreeMap<>();
        for (JsonNode a : allocation.get("assignments")) {
            String town = where.get(a.get("need").asText());
            assertThat(town).as("the need of %s", a).isNotNull();
            towns.computeIfAbsent(town, k -> new ArrayList<>(List.of(0L, 0L)))
                    .set(0, towns.get(town).get(0) + a.get("people").asLong());
        }
        for (JsonNode u : allocation.get("unplaced")) {
            String town = u.get("territory").asText();
            towns.computeIfAbsent(town, k -> new ArrayList<>(List.of(0L, 0L)))
                    .set(1, towns.get(town).get(1) + u.get("people").asLong());
        }
        return towns;
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> shown(String selector, String... fields) {
        return (List<List<String>>) js(
                "return [...document.querySelectorAll(arguments[0])].map(e => arguments[1].map(f => e.dataset[f]))",
                selector,
                List.of(fields));
    }

    private Map<String, List<Long>> shownTowns(String selector) {
        Map<String, List<Long>> towns = new TreeMap<>();
        for (List<String> row : shown(selector, "id", "placed", "unplaced")) {
            towns.put(row.get(0), List.of(Long.valueOf(row.get(1)), Long.valueOf(row.get(2))));
        }
        return towns;
    }

    private void openReady(String path) {
        String state = open(path);
        assertThat(state)
                .as("%s", driver.findElement(By.tagName("main")).getText())
                .isEqualTo("ready");
    }

    /** Waits until the allocation's results are "ready" or "error", and answers which. */
    private String waitForResults() {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String state = d.findElement(By.id("allocation-results")).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state) ? state : null;
        });
    }

    private void assertShows(JsonNode api, String category, String territory) {
        // The totals, each the API's value.
        for (String field : List.of("demand", "placed", "weightedPlaced", "peopleKm")) {
            WebElement cell =
                    driver.findElement(By.cssSelector("#allocation-totals tr[data-field='" + field + "'] td"));
            assertThat(Double.parseDouble(cell.getDomAttribute("data-value")))
                    .as(field)
                    .isEqualTo(api.get(field).asDouble());
        }
        // The unplaced rows, in the API's order.
        List<List<String>> unplaced = new ArrayList<>();
        api.get("unplaced")
                .forEach(u -> unplaced.add(List.of(
                        u.get("territory").asText(),
                        u.get("category").asText(),
                        u.get("people").asText())));
        assertThat(shown("#allocation-unplaced tbody tr", "id", "category", "people"))
                .isEqualTo(unplaced);
        // The services with their free places and the places used.
        List<List<String>> services = new ArrayList<>();
        api.get("services")
                .forEach(s -> services.add(List.of(
                        s.get("service").asText(),
                        s.get("freePlaces").asText(),
                        s.get("used").asText())));
        assertThat(shown("#allocation-services tbody tr", "id", "freePlaces", "used"))
                .isEqualTo(services);
        // By municipality, in the table and on the map's second layer alike.
        Map<String, List<Long>> towns = byTown(api, category, territory);
        assertThat(shownTowns("#allocation-towns tbody tr")).isEqualTo(towns);
        assertThat(shownTowns(".leaflet-marker-icon.alloc-pin")).isEqualTo(towns);
        long placed = towns.values().stream().mapToLong(r -> r.get(0)).sum();
        long left = towns.values().stream().mapToLong(r -> r.get(1)).sum();
        assertThat(placed).isEqualTo(api.get("placed").asLong());
        assertThat(placed + left).isEqualTo(api.get("demand").asLong());
    }

    @Test
    void theAllocationOnTheMapIsTheApisAnswer() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        new Select(driver.findElement(By.id("category"))).selectByValue(HOUSING);
        assertThat(driver.findElement(By.id("allocation-category")).getText())
                .contains(get("/api/v1/categories/" + HOUSING).get("name").asText());
        driver.findElement(By.id("allocation-run")).click();
        assertThat(waitForResults())
                .as("%s", driver.findElement(By.id("allocation-body")).getText())
                .isEqualTo("ready");
        JsonNode api = allocation(HOUSING, 25.0, null);
        // The demo's story: housing in the Rhodense is nearly full, so some people stay waiting.
        assertThat(api.get("demand").asLong()).isPositive();
        assertThat(api.get("unplaced")).isNotEmpty();
        assertThat(api.get("services")).isNotEmpty();
        assertShows(api, HOUSING, null);
        assertThat(driver.findElement(By.cssSelector("#allocation-body .summary"))
                        .getText())
                .contains(api.get("demand").asText())
                .contains(api.get("placed").asText());
        assertThat(seriousViolations()).isEmpty();
        js("document.getElementById('map').scrollIntoView()");
        screenshot("gaps-allocation-map");
        js("document.getElementById('allocation').scrollIntoView()");
        screenshot("gaps-allocation");

        // Another category on the map: the answer of the old one goes, from the tables and the map.
        new Select(driver.findElement(By.id("category"))).selectByValue("dipendenze");
        new WebDriverWait(driver, WAIT)
                .until(d -> d.findElements(By.cssSelector(".alloc-pin")).isEmpty()
                        && d.findElements(By.cssSelector("#allocation-body table"))
                                .isEmpty());

        // A municipality picked in the list becomes the allocation's territory.
        driver.findElement(By.cssSelector("#towns tbody tr[data-id='015182'] button"))
                .click();
        assertThat(new Select(driver.findElement(By.id("allocation-territory")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("015182");
    }

    @Test
    void theAllocationIsAskedWithTheKeyboardAndARefusalShowsItsDetail() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps?category=" + HOUSING);
        // From the category, Tab reaches the allocation's territory (the map may take one stop on the way).
        driver.findElement(By.id("category")).sendKeys(Keys.TAB);
        for (int i = 0;
                i < 4
                        && !"allocation-territory"
                                .equals(driver.switchTo().activeElement().getDomAttribute("id"));
                i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        WebElement territory = driver.switchTo().activeElement();
        assertThat(territory.getDomAttribute("id")).isEqualTo("allocation-territory");
        // Down arrow: from the whole area to the first district.
        territory.sendKeys(Keys.ARROW_DOWN);
        String district = new Select(territory).getFirstSelectedOption().getDomAttribute("value");
        assertThat(district).startsWith("ambito-");
        territory.sendKeys(Keys.TAB);
        WebElement km = driver.switchTo().activeElement();
        assertThat(km.getDomAttribute("id")).isEqualTo("allocation-max-km");

        // Out of range: the API refuses it, and the page shows the problem's detail.
        km.sendKeys(Keys.chord(Keys.CONTROL, "a"), "600", Keys.ENTER);
        assertThat(waitForResults()).isEqualTo("error");
        JsonNode refused = allocation(HOUSING, 600.0, district);
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(driver.findElement(By.cssSelector("#allocation-body .problem"))
                        .getText())
                .isEqualTo(refused.get("detail").asText());

        km = driver.findElement(By.id("allocation-max-km"));
        km.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10", Keys.ENTER);
        new WebDriverWait(driver, WAIT)
                .until(d ->
                        !d.findElements(By.cssSelector("#allocation-totals")).isEmpty());
        assertThat(waitForResults()).isEqualTo("ready");
        assertThat(driver.findElement(By.id("allocation-results")).getDomAttribute("data-territory"))
                .isEqualTo(district);
        assertShows(allocation(HOUSING, 10.0, district), HOUSING, district);

        // The button that takes it off the map, from the keyboard: the focus goes back to the form.
        WebElement clear = driver.findElement(By.id("allocation-clear"));
        js("arguments[0].focus()", clear);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, WAIT)
                .until(d -> d.findElements(By.cssSelector(".alloc-pin")).isEmpty()
                        && "allocation-run".equals(d.switchTo().activeElement().getDomAttribute("id")));
    }

    @Test
    void aKeyThatMayNotAllocateSeesNothingOfIt() {
        logIn(newKey("HELP_DESK", null));
        openReady("/gaps");
        assertThat(driver.findElement(By.id("allocation")).getDomAttribute("hidden"))
                .isNotNull();
        assertThat(driver.findElements(By.cssSelector("#allocation *"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main .problem"))).isEmpty();
    }
}
