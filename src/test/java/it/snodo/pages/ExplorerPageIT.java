package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The network explorer in a real browser, against the demo: what it draws and lists is what the
 * API answers to the same key.
 */
class ExplorerPageIT extends BrowserIT {

    private TestRestTemplate planner() {
        return TestKeys.asPlanner(http);
    }

    private JsonNode get(String path) {
        var answer = planner().getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode().value())
                .as("%s %s", path, answer.getBody())
                .isEqualTo(200);
        return answer.getBody();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> field == null ? n.asText() : n.get(field).asText())
                .toList();
    }

    /** The ids of every cooperative and partner, as the API lists them. */
    private Set<String> actorIds() {
        Set<String> ids =
                new TreeSet<>(texts(get("/api/v1/cooperatives?size=1000").get("content"), "id"));
        ids.addAll(texts(get("/api/v1/partners?size=1000").get("content"), "id"));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script, Object... args) {
        return new ArrayList<>((List<String>) js(script, args));
    }

    private List<String> dataIds(String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(e -> e.getDomAttribute("data-id"))
                .toList();
    }

    /** Sizes the window so that the page itself gets {@code width} × {@code height}, as on a 1280×800 screen. */
    private void viewport(int width, int height) {
        long innerWidth = (Long) js("return window.innerWidth");
        long innerHeight = (Long) js("return window.innerHeight");
        Dimension window = driver.manage().window().getSize();
        driver.manage()
                .window()
                .setSize(new Dimension(
                        window.getWidth() + width - (int) innerWidth, window.getHeight() + height - (int) innerHeight));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    private void clickActor(String id) {
        WebElement button = driver.findElement(By.cssSelector("#actors li[data-id='" + id + "'] button"));
        button.click();
        waitForActor(id);
    }

    private void waitForActor(String id) {
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#actor-name[data-id='" + id + "']"))
                                .isEmpty()
                        && !d.findElements(By.id("actor-services")).isEmpty());
    }

    @Test
    void aPlannerSeesEveryActorAndTiedPairAndTheChosenActorsServicesTiesGapsAndSynergies() {
        logIn(TestKeys.PLANNER);
        viewport(1280, 800);
        assertThat(open("/explorer")).isEqualTo("ready");

        Set<String> actors = actorIds();
        assertThat(new TreeSet<>(strings("return snodoExplorer.cy.nodes().map(n => n.id())")))
                .isEqualTo(actors);
        Set<String> pairs = new HashSet<>();
        for (JsonNode tie : get("/api/v1/ties?size=1000").get("content")) {
            String a = tie.get("from").asText();
            String b = tie.get("to").asText();
            pairs.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
        }
        assertThat(new HashSet<>(strings("return snodoExplorer.cy.edges().map(e => e.id())")))
                .isEqualTo(pairs);
        assertThat(dataIds("#actors li[data-id]")).containsExactlyInAnyOrderElementsOf(actors);
        // Sized by betweenness: the top broker of the measures is drawn largest.
        String broker =
                get("/api/v1/network/measures").get("brokers").get(0).get("id").asText();
        assertThat(js("const cy = snodoExplorer.cy; return cy.nodes().max(n => n.data('size')).ele.id()"))
                .isEqualTo(broker);

        clickActor("coop-abitare");
        assertThat(js("return snodoExplorer.cy.$id('coop-abitare').hasClass('chosen')"))
                .isEqualTo(true);
        assertThat(dataIds("#actor-services tbody tr[data-id]"))
                .containsExactlyInAnyOrderElementsOf(texts(
                        get("/api/v1/services?provider=coop-abitare&size=1000").get("content"), "id"));
        Set<String> tiedTo = new TreeSet<>();
        for (JsonNode tie : get("/api/v1/ties?actor=coop-abitare&size=1000").get("content")) {
            tiedTo.add(
                    tie.get("from").asText().equals("coop-abitare")
                            ? tie.get("to").asText()
                            : tie.get("from").asText());
        }
        assertThat(new TreeSet<>(dataIds("#actor-ties li[data-id]"))).isEqualTo(tiedTo);
        String base = get("/api/v1/cooperatives/coop-abitare").get("basedIn").asText();
        String district = get("/api/v1/territories/" + base).get("partOf").asText();
        List<String> open = StreamSupport.stream(
                        get("/api/v1/gaps?territory=" + district).get("rows").spliterator(), false)
                .filter(r -> !"COVERED".equals(r.get("state").asText()))
                .map(r -> r.get("category").asText())
                .toList();
        assertThat(open).isNotEmpty();
        assertThat(dataIds("#actor-gaps tbody tr[data-id]")).containsExactlyInAnyOrderElementsOf(open);
        assertThat(dataIds("#actor-synergies > ol > li[data-id]"))
                .containsExactlyElementsOf(texts(
                        get("/api/v1/synergies?cooperative=coop-abitare&limit=5")
                                .get("suggestions"),
                        "cooperative"));
        assertThat(driver.findElements(By.cssSelector("#actor-synergies .reasons li")))
                .isNotEmpty();

        assertThat(seriousViolations()).isEmpty();
        screenshot("explorer");
    }

    @Test
    void twoActorsPickedShowTheirPathsAndTheFirstIsHighlighted() {
        logIn(TestKeys.PLANNER);
        open("/explorer");
        driver.findElement(By.id("pick")).click();
        assertThat(driver.findElement(By.id("pick")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        clickActor("coop-abitare");
        clickActor("asst-esempio");
        waiting().until(d -> !d.findElements(By.cssSelector("#paths .steps")).isEmpty());

        JsonNode paths =
                get("/api/v1/paths?from=coop-abitare&to=asst-esempio&k=3").get("paths");
        assertThat(driver.findElements(By.cssSelector("#paths .paths > li"))).hasSize(paths.size());
        List<String> first = texts(paths.get(0).get("actors"), null);
        assertThat(dataIds("#paths .paths > li:first-child .steps > li")).containsExactlyElementsOf(first);
        assertThat(new TreeSet<>(strings("return snodoExplorer.cy.nodes('.path').map(n => n.id())")))
                .isEqualTo(new TreeSet<>(first));
        assertThat(js("return snodoExplorer.cy.edges('.path').length")).isEqualTo((long) first.size() - 1);
        screenshot("explorer-paths");

        // The second path, chosen from the keyboard.
        if (paths.size() > 1) {
            WebElement second = driver.findElement(By.cssSelector("#paths .paths > li:nth-child(2) > button"));
            second.sendKeys(Keys.ENTER);
            waiting()
                    .until(d -> "true"
                            .equals(d.findElement(By.cssSelector("#paths .paths > li:nth-child(2) > button"))
                                    .getDomAttribute("aria-pressed")));
            assertThat(new TreeSet<>(strings("return snodoExplorer.cy.nodes('.path').map(n => n.id())")))
                    .isEqualTo(new TreeSet<>(texts(paths.get(1).get("actors"), null)));
        }
        driver.findElement(By.id("close-paths")).click();
        assertThat(js("return snodoExplorer.cy.elements('.path, .faded').length"))
                .isEqualTo(0L);
    }

    @Test
    void theFragilityOverlayMarksTheArticulationPointsAndBridges() {
        logIn(TestKeys.PLANNER);
        open("/explorer");
        driver.findElement(By.id("fragility")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#fragile h3")).isEmpty());

        JsonNode fragility = get("/api/v1/fragility");
        List<String> points = texts(fragility.get("articulationPoints"), null);
        assertThat(points).isNotEmpty();
        assertThat(new TreeSet<>(strings("return snodoExplorer.cy.nodes('.cut').map(n => n.id())")))
                .isEqualTo(new TreeSet<>(points));
        assertThat(dataIds("#cut-points li[data-id]")).containsExactlyInAnyOrderElementsOf(points);
        List<String> bridges = new ArrayList<>();
        for (JsonNode b : fragility.get("bridges")) {
            String x = b.get(0).asText();
            String y = b.get(1).asText();
            bridges.add(x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x);
        }
        assertThat(strings("return snodoExplorer.cy.edges('.bridge').map(e => e.id())"))
                .containsExactlyInAnyOrderElementsOf(bridges);
        assertThat(seriousViolations()).isEmpty();
        screenshot("explorer-fragility");

        driver.findElement(By.id("fragility")).click();
        assertThat(js("return snodoExplorer.cy.elements('.cut, .bridge').length"))
                .isEqualTo(0L);
        assertThat(driver.findElement(By.id("fragile")).isDisplayed()).isFalse();
    }

    @Test
    void filtersByDistrictCategoryAndTieKindKeepWhatTheApiSays() {
        logIn(TestKeys.PLANNER);
        open("/explorer");
        new Select(driver.findElement(By.id("district"))).selectByValue("ambito-rhodense");
        Set<String> based = new HashSet<>(texts(
                get("/api/v1/territories?partOf=ambito-rhodense&size=1000").get("content"), "id"));
        based.add("ambito-rhodense");
        Set<String> expected = new TreeSet<>();
        for (String kind : List.of("cooperatives", "partners")) {
            for (JsonNode a : get("/api/v1/" + kind + "?size=1000").get("content")) {
                if (a.hasNonNull("basedIn") && based.contains(a.get("basedIn").asText())) {
                    expected.add(a.get("id").asText());
                }
            }
        }
        waiting()
                .until(d ->
                        new TreeSet<>(strings("return snodoExplorer.cy.nodes().map(n => n.id())")).equals(expected));

        String category = "poverta_disagio_adulti";
        new Select(driver.findElement(By.id("category"))).selectByValue(category);
        Set<String> providers = new TreeSet<>(texts(
                get("/api/v1/services?category=" + category + "&size=1000").get("content"), "provider"));
        providers.retainAll(expected);
        waiting()
                .until(d ->
                        new TreeSet<>(strings("return snodoExplorer.cy.nodes().map(n => n.id())")).equals(providers));

        new Select(driver.findElement(By.id("district"))).selectByValue("");
        new Select(driver.findElement(By.id("category"))).selectByValue("");
        waiting()
                .until(d -> ((Number) js("return snodoExplorer.cy.nodes().length")).intValue()
                        == actorIds().size());
        long before = (Long) js("return snodoExplorer.cy.edges().length");
        driver.findElement(By.cssSelector("#tie-kinds-box summary")).click();
        for (WebElement box : driver.findElements(By.cssSelector("#tie-kinds input[type=checkbox]"))) {
            if (!"FUNDING".equals(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        Set<String> funded = new HashSet<>();
        for (JsonNode tie : get("/api/v1/ties?kind=FUNDING&size=1000").get("content")) {
            String a = tie.get("from").asText();
            String b = tie.get("to").asText();
            funded.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
        }
        waiting().until(d -> new HashSet<>(strings("return snodoExplorer.cy.edges().map(e => e.id())")).equals(funded));
        assertThat((long) funded.size()).isLessThan(before);
    }

    @Test
    void aNetworkOverTheThresholdOpensByDistrictAndThenOneDistrictAtATime() {
        logIn(TestKeys.PLANNER);
        js("sessionStorage.setItem('snodo.explorer.maxActors', '10')");
        try {
            assertThat(open("/explorer")).isEqualTo("ready");
            assertThat(new Select(driver.findElement(By.id("view")))
                            .getFirstSelectedOption()
                            .getDomAttribute("value"))
                    .isEqualTo("districts");
            List<String> nodes = strings("return snodoExplorer.cy.nodes().map(n => n.data('district'))");
            assertThat(nodes).contains("ambito-rhodense", "ambito-abbiatense").doesNotContainNull();
            assertThat(driver.findElement(By.id("view-note")).getText()).contains("10");
            screenshot("explorer-districts");
            // A district node tapped opens that district's actors.
            js("snodoExplorer.cy.$id('district:ambito-abbiatense').emit('tap')");
            waiting()
                    .until(d -> "ambito-abbiatense"
                                    .equals(new Select(d.findElement(By.id("district")))
                                            .getFirstSelectedOption()
                                            .getDomAttribute("value"))
                            && ((Number) js("return snodoExplorer.cy.nodes('[district]').length")).intValue() == 0
                            && ((Number) js("return snodoExplorer.cy.nodes().length")).intValue() > 0);
            assertThat(seriousViolations()).isEmpty();
        } finally {
            js("sessionStorage.removeItem('snodo.explorer.maxActors')");
        }
    }

    @Test
    void theLanguageSwitchTurnsThePageIntoEnglish() {
        logIn(TestKeys.PLANNER);
        open("/explorer");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Esplora la rete");
        assertThat(driver.findElement(By.id("graph-title")).getText()).isEqualTo("Grafo dei legami");
        WebElement main = driver.findElement(By.tagName("main"));
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        waiting().until(ExpectedConditions.stalenessOf(main));
        assertThat(waitForState()).isEqualTo("ready");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Network explorer");
        assertThat(driver.findElement(By.id("graph-title")).getText()).isEqualTo("Tie graph");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        clickActor("coop-abitare");
        assertThat(driver.findElement(By.id("actor-services-title")).getText()).startsWith("Services");
    }

    @Test
    void aReaderSeesActorsAndServicesButNoTieGraphNorPlannerControls() {
        logIn(newKey("READER", null));
        assertThat(open("/explorer")).isEqualTo("ready");
        assertThat(new TreeSet<>(strings("return snodoExplorer.cy.nodes().map(n => n.id())")))
                .isEqualTo(actorIds());
        assertThat(js("return snodoExplorer.cy.edges().length")).isEqualTo(0L);
        for (String control : List.of("fragility", "colour", "tie-kinds-box", "tie-kinds")) {
            assertThat(driver.findElements(By.id(control))).as(control).isEmpty();
        }
        assertThat(driver.findElement(By.id("view-note")).getText()).contains("sola lettura");

        clickActor("coop-abitare");
        assertThat(dataIds("#actor-services tbody tr[data-id]"))
                .containsExactlyInAnyOrderElementsOf(texts(
                        get("/api/v1/services?provider=coop-abitare&size=1000").get("content"), "id"));
        assertThat(driver.findElements(By.id("actor-synergies"))).isEmpty();
        assertThat(driver.findElements(By.id("actor-ties"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#main .problem"))).isEmpty();
        assertThat(seriousViolations()).isEmpty();
        screenshot("explorer-reader");
    }

    @Test
    void aCooperativeSeesItsOwnSynergiesOnly() {
        logIn(newKey("COOPERATIVE", "coop-abitare"));
        assertThat(open("/explorer")).isEqualTo("ready");
        clickActor("coop-abitare");
        assertThat(dataIds("#actor-synergies > ol > li[data-id]")).isNotEmpty();
        clickActor("coop-cura");
        assertThat(driver.findElements(By.id("actor-synergies"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#main .problem"))).isEmpty();
    }

    @Test
    void aNameWithMarkupIsShownAsTextAndFoundFromTheKeyboard() {
        String name = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> Esempio";
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("id", "assoc-markup-test");
        partner.put("name", name);
        partner.put("kind", "ASSOCIATION");
        partner.put("basedIn", "015182");
        var made = planner().postForEntity("/api/v1/partners", partner, JsonNode.class);
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
        try {
            logIn(TestKeys.PLANNER);
            open("/explorer");
            WebElement search = driver.findElement(By.id("search"));
            search.sendKeys("<script>");
            waiting().until(d -> dataIds("#actors li[data-id]").equals(List.of("assoc-markup-test")));
            search.sendKeys(Keys.ENTER);
            waitForActor("assoc-markup-test");
            assertThat(driver.findElement(By.id("actor-name")).getText()).isEqualTo(name);
            assertThat(driver.findElement(By.cssSelector("#actors li[data-id='assoc-markup-test'] button"))
                            .getText())
                    .isEqualTo(name);
            assertThat(js("return window.__xss === undefined")).isEqualTo(true);
            assertThat(driver.findElements(By.cssSelector("main img, main script")))
                    .isEmpty();
            assertThat(js("return snodoExplorer.cy.$id('assoc-markup-test').hasClass('chosen')"))
                    .isEqualTo(true);
        } finally {
            planner().delete("/api/v1/partners/assoc-markup-test");
        }
        assertThat(planner()
                        .getForEntity("/api/v1/partners/assoc-markup-test", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }
}
