package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** The gap map (/gaps) against the API's own answers: the matrix, a cell's rows, the map's points, the CSV. */
class GapMapPageIT extends BrowserIT {

    private static final String ABBIATENSE = "ambito-abbiatense";
    private static final String ADDICTION = "dipendenze";
    private static final String RHO = "015182";

    // ------------------------------------------------------------------ the API's answers

    private JsonNode get(String path, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        var answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(answer.getStatusCode().value())
                .as("%s %s", path, answer.getBody())
                .isEqualTo(200);
        return answer.getBody();
    }

    /** The problem detail's {@code detail} of a call with a key the service does not know. */
    private String get401Detail(String path, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        var answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        return answer.getBody().get("detail").asText();
    }

    /** territory id → category code → state ("NONE" for a null cell). */
    private Map<String, Map<String, String>> matrix(String level, String key) {
        JsonNode m = get("/api/v1/gaps/matrix?level=" + level, key);
        Map<String, Map<String, String>> states = new TreeMap<>();
        for (int i = 0; i < m.get("territories").size(); i++) {
            Map<String, String> row = new TreeMap<>();
            for (int j = 0; j < m.get("categories").size(); j++) {
                JsonNode cell = m.get("cells").get(i).get(j);
                row.put(m.get("categories").get(j).asText(), cell.isNull() ? "NONE" : cell.asText());
            }
            states.put(m.get("territories").get(i).get("id").asText(), row);
        }
        return states;
    }

    private List<JsonNode> municipalities(String key) {
        List<JsonNode> towns = new ArrayList<>();
        get("/api/v1/territories?level=MUNICIPALITY&size=1000", key)
                .get("content")
                .forEach(towns::add);
        return towns;
    }

    // ------------------------------------------------------------------ the page

    private Map<String, Map<String, String>> shownMatrix() {
        @SuppressWarnings("unchecked")
        List<List<String>> cells =
                (List<List<String>>) js("return [...document.querySelectorAll('#matrix button.cell')]"
                        + ".map(b => [b.dataset.territory, b.dataset.category, b.dataset.state])");
        Map<String, Map<String, String>> states = new TreeMap<>();
        for (List<String> c : cells) {
            states.computeIfAbsent(c.get(0), k -> new TreeMap<>()).put(c.get(1), c.get(2));
        }
        return states;
    }

    /** data-id → data-state of the rows matching {@code selector}. */
    private Map<String, String> rows(String selector) {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) js(
                "return [...document.querySelectorAll(arguments[0])]" + ".map(e => [e.dataset.id, e.dataset.state])",
                selector);
        Map<String, String> states = new TreeMap<>();
        rows.forEach(r -> states.put(r.get(0), r.get(1)));
        return states;
    }

    /** Opens {@code path} and checks it is ready, saying the page's message when it is not. */
    private void openReady(String path) {
        String state = open(path);
        assertThat(state)
                .as("%s", driver.findElement(By.tagName("main")).getText())
                .isEqualTo("ready");
    }

    private void waitForDetail(String territory) {
        new WebDriverWait(driver, WAIT)
                .until(d -> territory.equals(d.findElement(By.id("detail-body")).getDomAttribute("data-territory")));
    }

    private void showAllCategories() {
        WebElement box = driver.findElement(By.id("show-empty"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private WebElement cell(String territory, String category) {
        return driver.findElement(By.cssSelector(
                "#matrix button.cell[data-territory='" + territory + "'][data-category='" + category + "']"));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theMatrixTheMapAndACellsRowsAreTheApisAnswers() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        Map<String, Map<String, String>> districts = matrix("DISTRICT", TestKeys.PLANNER);
        Map<String, Map<String, String>> towns = matrix("MUNICIPALITY", TestKeys.PLANNER);

        // By default only the categories with something somewhere; on request every one of them.
        Map<String, Map<String, String>> shown = shownMatrix();
        shown.forEach((district, states) -> states.forEach((category, state) -> assertThat(state)
                .as("%s × %s", district, category)
                .isEqualTo(districts.get(district).get(category))));
        assertThat(shown.get(ABBIATENSE).get(ADDICTION)).isEqualTo("UNCOVERED");

        // A click on a cell: exactly the district's rows of that category (and narrower), its municipalities' states.
        cell(ABBIATENSE, ADDICTION).click();
        waitForDetail(ABBIATENSE);
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row :
                get("/api/v1/gaps?territory=" + ABBIATENSE, TestKeys.PLANNER).get("rows")) {
            String category = row.get("category").asText();
            if (category.equals(ADDICTION) || category.startsWith(ADDICTION + ".")) {
                expected.put(category, row.get("state").asText());
            }
        }
        assertThat(rows("#detail-body table.report tbody tr"))
                .isEqualTo(expected)
                .containsEntry(ADDICTION, "UNCOVERED");
        Map<String, String> abbiatense = new TreeMap<>();
        municipalities(TestKeys.PLANNER).stream()
                .filter(m -> ABBIATENSE.equals(m.get("partOf").asText()))
                .forEach(m -> abbiatense.put(
                        m.get("id").asText(), towns.get(m.get("id").asText()).get(ADDICTION)));
        assertThat(rows("#detail-body table.towns-of tbody tr"))
                .isEqualTo(abbiatense)
                .hasSize(15);
        assertThat(driver.findElement(By.cssSelector("#detail-body table.report tr[data-id='dipendenze']"))
                        .getText())
                .contains("27")
                .contains("scoperto");

        // The cell chose its category for the map: every point in the state of the municipality matrix.
        assertThat(new Select(driver.findElement(By.id("category")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo(ADDICTION);
        assertMapShows(ADDICTION, towns);
        // The district's points stand out, the others fade.
        assertThat(js("return document.querySelector('.pin[data-id=\"" + RHO + "\"]').style.opacity"))
                .isEqualTo("0.4");
        assertThat(js("return document.querySelector('.pin[data-id=\"015002\"]').style.opacity"))
                .isEqualTo("1");
        assertThat(rows("#towns tbody tr"))
                .hasSize(67)
                .allSatisfy(
                        (id, state) -> assertThat(state).isEqualTo(towns.get(id).get(ADDICTION)));

        assertThat(seriousViolations()).isEmpty();
        js("arguments[0].scrollIntoView({block: 'center'}); window.scrollTo(0, 0)", cell(ABBIATENSE, ADDICTION));
        screenshot("gaps");

        showAllCategories();
        assertThat(shownMatrix()).isEqualTo(districts);
    }

    private void assertMapShows(String category, Map<String, Map<String, String>> towns) {
        Map<String, String> expected = new TreeMap<>();
        towns.forEach((id, states) -> expected.put(id, states.get(category)));
        new WebDriverWait(driver, WAIT)
                .until(d -> rows(".leaflet-marker-icon.pin").equals(expected));
        assertThat(rows(".leaflet-marker-icon.pin")).hasSize(67);
    }

    @Test
    void aMunicipalityPickedOnTheMapShowsItsReportAndACategoryRecoloursThePoints() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        Map<String, Map<String, String>> towns = matrix("MUNICIPALITY", TestKeys.PLANNER);
        String category = "poverta_disagio_adulti.strutture_residenziali";
        new Select(driver.findElement(By.id("category"))).selectByValue(category);
        assertMapShows(category, towns);
        assertThat(driver.getCurrentUrl()).endsWith("category=" + category);

        driver.findElement(By.cssSelector(".leaflet-marker-icon.pin[data-id='" + RHO + "']"))
                .click();
        waitForDetail(RHO);
        Map<String, String> expected = new TreeMap<>();
        get("/api/v1/gaps?territory=" + RHO, TestKeys.PLANNER)
                .get("rows")
                .forEach(r ->
                        expected.put(r.get("category").asText(), r.get("state").asText()));
        assertThat(rows("#detail-body table.report tbody tr"))
                .isEqualTo(expected)
                .isNotEmpty();
        assertThat(driver.findElement(By.id("detail-title")).getText()).contains("Rho");
        assertThat(driver.findElements(By.cssSelector("#detail-body tr.current[data-id='" + category + "']")))
                .hasSize(1);

        // The same from the list under the map, the map's text alternative.
        driver.findElement(By.cssSelector("#towns tbody tr[data-id='015002'] button"))
                .click();
        waitForDetail("015002");
        assertThat(driver.findElement(By.id("detail-title")).getText()).contains("Abbiategrasso");
        js("document.getElementById('detail').scrollIntoView()");
        screenshot("gaps-municipality");
    }

    @Test
    void theMatrixIsUsedWithTheKeyboard() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        driver.findElement(By.id("show-empty")).sendKeys(Keys.SPACE);
        new WebDriverWait(driver, WAIT)
                .until(d -> d.findElement(By.id("show-empty")).isSelected());
        // Tab from the checkbox enters the matrix on its one tab stop, the first cell.
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getDomAttribute("class")).contains("cell");
        String firstDistrict = first.getDomAttribute("data-territory");
        String firstCategory = first.getDomAttribute("data-category");
        first.sendKeys(Keys.ARROW_RIGHT);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement moved = driver.switchTo().activeElement();
        String district = moved.getDomAttribute("data-territory");
        String category = moved.getDomAttribute("data-category");
        assertThat(district).isNotEqualTo(firstDistrict);
        assertThat(category).isNotEqualTo(firstCategory);
        assertThat(moved.getDomAttribute("tabindex")).isEqualTo("0");
        moved.sendKeys(Keys.ENTER);
        waitForDetail(district);
        assertThat(driver.findElement(By.id("detail-body")).getDomAttribute("data-category"))
                .isEqualTo(category);
        // Arrow keys stay in the matrix: a single tab stop in it.
        assertThat(driver.findElements(By.cssSelector("#matrix button.cell[tabindex='0']")))
                .hasSize(1);
    }

    @Test
    void theCsvDownloadIsTheApisCsv() throws IOException {
        Path downloads = Files.createTempDirectory("snodo-downloads");
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                downloads.toAbsolutePath().toString()));
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        for (String level : List.of("DISTRICT", "MUNICIPALITY")) {
            driver.findElement(By.cssSelector("button[data-level='" + level + "']"))
                    .click();
            Path file = downloads.resolve("gaps-" + level + ".csv");
            new WebDriverWait(driver, WAIT)
                    .until(d -> Files.isRegularFile(file)
                            && !Files.exists(downloads.resolve("gaps-" + level + ".csv.crdownload")));
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestKeys.PLANNER);
            headers.set(HttpHeaders.ACCEPT, "text/csv");
            String csv = http.exchange(
                            "/api/v1/gaps/matrix?level=" + level,
                            HttpMethod.GET,
                            new HttpEntity<>(headers),
                            String.class)
                    .getBody();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .isEqualTo(csv)
                    .contains("dipendenze");
        }
        assertThat(driver.findElement(By.cssSelector("[data-role=messages]")).getText())
                .isEmpty();
    }

    @Test
    void theLanguageSwitchesToEnglishAndIsRemembered() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mappa dei bisogni");
        assertThat(cell(ABBIATENSE, ADDICTION).getDomAttribute("aria-label"))
                .isEqualTo("Dipendenze, Ambito Abbiatense: scoperto");
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        new WebDriverWait(driver, WAIT)
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        waitForState();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gap map");
        assertThat(cell(ABBIATENSE, ADDICTION).getDomAttribute("aria-label"))
                .isEqualTo("Addictions, Ambito Abbiatense: uncovered");
        openReady("/gaps");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gap map");
        screenshot("gaps-en");
    }

    @Test
    void aReaderSeesTheMapAndTheMatrixAndNoPlannerControls() {
        String reader = newKey("READER", null);
        logIn(reader);
        openReady("/gaps");
        assertThat(driver.findElement(By.cssSelector("#shell .role")).getDomAttribute("data-role"))
                .isEqualTo("READER");
        showAllCategories();
        assertThat(shownMatrix()).isEqualTo(matrix("DISTRICT", reader));
        Map<String, Map<String, String>> towns = matrix("MUNICIPALITY", reader);
        String category = new Select(driver.findElement(By.id("category")))
                .getFirstSelectedOption()
                .getDomAttribute("value");
        assertMapShows(category, towns);
        // Nothing that writes or simulates: no form, no what-if, no planner-only control.
        assertThat(driver.findElements(By.cssSelector("main form, main [data-planner], main textarea")))
                .isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText().toLowerCase())
                .doesNotContain("what-if")
                .doesNotContain("elimina")
                .doesNotContain("salva");
        assertThat(seriousViolations()).isEmpty();

        // On a tablet the map and the matrix stack, and the page does not scroll sideways.
        driver.manage().window().setSize(new Dimension(800, 1100));
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(
                        js("return document.querySelector('.gaps-matrix-side').getBoundingClientRect().top"
                                + " > document.getElementById('map').getBoundingClientRect().bottom")));
        assertThat(js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isEqualTo(true);
        screenshot("gaps-tablet");
    }

    @Test
    void namesFromTheNetworkAreShownAsTextNeverRun() {
        var planner = TestKeys.asPlanner(http);
        String categoryName = "<img src=x onerror=\"window.__xss=1\">";
        String townName = "<script>window.__xss=2</script>Borgo";
        Map<String, Object> category = new LinkedHashMap<>();
        category.put("code", "xss_probe");
        category.put("name", categoryName);
        category.put("nameEn", categoryName);
        Map<String, Object> town = new LinkedHashMap<>();
        town.put("id", "xss-town");
        town.put("name", townName);
        town.put("level", "MUNICIPALITY");
        town.put("partOf", ABBIATENSE);
        town.put("population", 100);
        town.put("lat", 45.36);
        town.put("lon", 8.93);
        Map<String, Object> need = new HashMap<>();
        need.put("id", "xss-need");
        need.put("category", "xss_probe");
        need.put("territory", "xss-town");
        need.put("people", 3);
        try {
            assertThat(planner.postForEntity("/api/v1/categories", category, JsonNode.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
            assertThat(planner.postForEntity("/api/v1/territories", town, JsonNode.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
            assertThat(planner.postForEntity("/api/v1/needs", need, JsonNode.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);

            logIn(TestKeys.PLANNER);
            openReady("/gaps?category=xss_probe");
            assertThat(new Select(driver.findElement(By.id("category")))
                            .getFirstSelectedOption()
                            .getText())
                    .contains(categoryName);
            assertThat(driver.findElement(By.cssSelector("#matrix tr[data-id='xss_probe'] th"))
                            .getText())
                    .isEqualTo(categoryName);
            assertThat(cell(ABBIATENSE, "xss_probe").getDomAttribute("data-state"))
                    .isEqualTo("UNCOVERED");
            WebElement pin = driver.findElement(By.cssSelector(".leaflet-marker-icon.pin[data-id='xss-town']"));
            assertThat(pin.getDomAttribute("data-state")).isEqualTo("UNCOVERED");
            pin.click();
            waitForDetail("xss-town");
            assertThat(driver.findElement(By.id("detail-title")).getText()).contains(townName);
            assertThat(driver.findElement(By.cssSelector("#detail-body tr[data-id='xss_probe'] th"))
                            .getText())
                    .isEqualTo(categoryName);
            cell(ABBIATENSE, "xss_probe").click();
            waitForDetail(ABBIATENSE);
            assertThat(driver.findElement(By.cssSelector("#detail-body table.towns-of tr[data-id='xss-town'] th"))
                            .getText())
                    .isEqualTo(townName);
            assertThat(driver.findElements(By.cssSelector("main img, main script")))
                    .isEmpty();
            assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        } finally {
            planner.delete("/api/v1/needs/xss-need");
            planner.delete("/api/v1/territories/xss-town");
            planner.delete("/api/v1/categories/xss_probe");
        }
        assertThat(planner.getForEntity("/api/v1/categories/xss_probe", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(planner.getForEntity("/api/v1/territories/xss-town", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void anApiErrorShowsItsDetailNotABlankPage() {
        logIn(TestKeys.PLANNER);
        openReady("/gaps");
        assertThat(rows("#towns tbody tr")).containsKey(RHO);
        // The key revoked in the tab: every call answers 401 with its detail.
        js("sessionStorage.setItem('snodo.key', 'not-a-key-of-this-service-000000')");
        driver.findElement(By.cssSelector("#towns tbody tr[data-id='" + RHO + "'] button"))
                .click();
        By problem = By.cssSelector("#detail-body .problem");
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(problem).isEmpty());
        String detail = get401Detail("/api/v1/gaps?territory=" + RHO, "not-a-key-of-this-service-000000");
        assertThat(driver.findElement(problem).getText()).isEqualTo(detail).isNotBlank();
        assertThat(open("/gaps")).isEqualTo("error");
        assertThat(driver.findElement(By.cssSelector("main .problem")).getText())
                .isNotBlank();
    }
}
