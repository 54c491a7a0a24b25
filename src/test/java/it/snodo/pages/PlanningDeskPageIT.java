package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The planning desk (/plan) in a real browser, against the API's own answers. */
class PlanningDeskPageIT extends BrowserIT {

    static final List<String> BUNDLE = List.of(
            "poverta_disagio_adulti.strutture_residenziali",
            "poverta_disagio_adulti.educativo_assistenziale_inserimento_lavorativo",
            "famiglia_minori.supporto_persona_famiglia");

    @Test
    void aPlannerAsksWhatIfAnActorWentAndSeesTheApisLostCoverage() {
        logIn(TestKeys.PLANNER);
        assertThat(open("/plan")).isEqualTo("ready");
        pick("what-if-actor", "coop-abitare");
        assertThat(driver.findElements(By.cssSelector("#what-if-removed li")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactly("coop-abitare");
        driver.findElement(By.id("what-if-run")).click();
        assertThat(waitFor("what-if-results")).isEqualTo("ready");

        JsonNode answer = post("/api/v1/what-if", Map.of("remove", List.of("coop-abitare")));
        assertThat(answer.get("peopleLosingTheirLastAnswer").asLong()).isEqualTo(48);
        assertThat(driver.findElement(By.id("what-if-people")).getDomAttribute("data-people"))
                .isEqualTo("48");
        assertThat(driver.findElements(By.cssSelector("#what-if-lost tbody tr")))
                .extracting(r -> r.getDomAttribute("data-id") + "/" + r.getDomAttribute("data-category"))
                .containsExactlyElementsOf(lost(answer));
        assertThat(driver.findElements(By.cssSelector("#what-if-cut-points li")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyElementsOf(texts(answer.get("newArticulationPoints")));

        // Put it back with its button, and the page says so before asking anything.
        driver.findElement(By.cssSelector("#what-if-removed li[data-id=coop-abitare] button"))
                .click();
        assertThat(driver.findElements(By.cssSelector("#what-if-removed li"))).isEmpty();
        driver.findElement(By.id("what-if-run")).click();
        assertThat(waitFor("what-if-results")).isEqualTo("error");
    }

    @Test
    void aPlannerTakesATieAwayFromTheListOfAnActorsTies() {
        logIn(TestKeys.PLANNER);
        open("/plan");
        pick("what-if-tie-actor", "consorzio-esempio");
        By ties = By.cssSelector("#what-if-ties-of li[data-id] button");
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(ties).isEmpty());
        JsonNode apiTies =
                TestKeys.asPlanner(http).getForObject("/api/v1/ties?actor=consorzio-esempio&size=1000", JsonNode.class);
        List<String> others = new ArrayList<>();
        apiTies.get("content")
                .forEach(t -> others.add(
                        "consorzio-esempio".equals(t.get("from").asText())
                                ? t.get("to").asText()
                                : t.get("from").asText()));
        assertThat(driver.findElements(By.cssSelector("#what-if-ties-of li[data-id]")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyInAnyOrderElementsOf(others.stream().distinct().toList());

        WebElement first = driver.findElement(ties);
        first.sendKeys(Keys.ENTER);
        WebElement chip = driver.findElement(By.cssSelector("#what-if-removed-ties li"));
        List<String> pair = List.of(chip.getDomAttribute("data-from"), chip.getDomAttribute("data-to"));
        assertThat(pair).contains("consorzio-esempio");
        driver.findElement(By.id("what-if-run")).click();
        assertThat(waitFor("what-if-results")).isEqualTo("ready");
        JsonNode answer = post("/api/v1/what-if", Map.of("removeTies", List.of(pair)));
        assertThat(driver.findElements(By.cssSelector("#what-if-lost tbody tr")))
                .extracting(r -> r.getDomAttribute("data-id") + "/" + r.getDomAttribute("data-category"))
                .containsExactlyElementsOf(lost(answer));
        assertThat(driver.findElements(By.cssSelector("#what-if-cut-points li")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyElementsOf(texts(answer.get("newArticulationPoints")));
    }

    @Test
    void aPlannerFindsTheSmallestGroupOfProvidersForABundleOfNeeds() {
        logIn(TestKeys.PLANNER);
        open("/plan");
        pick("integrated-territory", "015182");
        assertThat(driver.findElement(By.id("integrated-territory")).getDomProperty("value"))
                .isEqualTo("Rho");
        for (String code : BUNDLE) {
            pick("integrated-category", code);
        }
        assertThat(driver.findElements(By.cssSelector("#integrated-categories li")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyElementsOf(BUNDLE);
        WebElement km = driver.findElement(By.id("integrated-max-km"));
        km.clear();
        km.sendKeys("10");
        driver.findElement(By.id("integrated-run")).click();
        assertThat(waitFor("integrated-results")).isEqualTo("ready");

        JsonNode answer =
                post("/api/v1/integrated-answers", Map.of("territory", "015182", "categories", BUNDLE, "maxKm", 10));
        assertThat(texts(answer.get("providers"))).containsExactly("asst-esempio", "coop-abitare", "coop-officina");
        assertThat(driver.findElements(By.cssSelector("#integrated-providers li")))
                .extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyElementsOf(texts(answer.get("providers")));
        assertThat(driver.findElement(By.id("integrated-new-ties")).getDomAttribute("data-new-ties"))
                .isEqualTo(answer.get("newTiesNeeded").asText())
                .isEqualTo("0");
        List<String> assignments = new ArrayList<>();
        answer.get("assignments")
                .forEach(a -> assignments.add(
                        a.get("service").asText() + "/" + a.get("provider").asText()));
        assertThat(driver.findElements(By.cssSelector("#integrated-assignments tbody tr")))
                .extracting(r -> r.getDomAttribute("data-id") + "/" + r.getDomAttribute("data-provider"))
                .containsExactlyElementsOf(assignments);

        // And a what-if beside it, for the screenshot of the whole desk.
        pick("what-if-actor", "coop-abitare");
        driver.findElement(By.id("what-if-run")).click();
        assertThat(waitFor("what-if-results")).isEqualTo("ready");
        assertThat(seriousViolations()).isEmpty();
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        screenshot("plan");
    }

    @Test
    void aHelpDeskSeesTheSameNoteAndNoPlannerControls() {
        logIn(newKey("HELP_DESK", null));
        assertThat(open("/plan")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("plan-needs-key")).getText()).contains("HELP_DESK");
        assertThat(driver.findElements(By.cssSelector("#what-if-run, #integrated-run, #what-if, #integrated, #desk")))
                .isEmpty();
        // The explorer offers no tie controls either: GET /api/v1/ties answers a help desk 403.
        assertThat(open("/explorer")).isEqualTo("ready");
        assertThat(driver.findElements(By.cssSelector("[data-requires=ties]"))).isEmpty();
    }

    @Test
    void aReaderSeesANoteAndNoPlannerControls() {
        String reader = newKey("READER", null);
        logIn(reader);
        assertThat(open("/plan")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("plan-needs-key")).getText())
                .contains("PLANNER")
                .contains("COOPERATIVE");
        assertThat(driver.findElements(By.cssSelector("#what-if-run, #integrated-run, #what-if, #integrated, #desk")))
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("main button, main input, main select")))
                .isEmpty();
        assertThat(seriousViolations()).isEmpty();
        screenshot("plan-reader");

        // The referral finder is theirs.
        assertThat(open("/referrals")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("category")).isDisplayed()).isTrue();
    }

    @Test
    void aCooperativeMayNotAskAWhatIfWithoutAnotherProvidersConfidentialPlace() {
        String id = "svc-test-riservato-plan";
        create(ReferralFinderPageIT.service(id, "Casa rifugio di prova", true));
        try {
            String cooperative = newKey("COOPERATIVE", "coop-officina");
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(cooperative);
            var refused = TestKeys.asPlanner(http)
                    .exchange(
                            "/api/v1/what-if",
                            HttpMethod.POST,
                            new HttpEntity<>(Map.of("remove", List.of("coop-abitare")), headers),
                            JsonNode.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(403);

            logIn(cooperative);
            assertThat(open("/plan")).isEqualTo("ready");
            assertThat(driver.findElement(By.id("plan-cooperative")).isDisplayed())
                    .isTrue();
            pick("what-if-actor", "coop-abitare");
            driver.findElement(By.id("what-if-run")).click();
            assertThat(waitFor("what-if-results")).isEqualTo("error");
            assertThat(driver.findElement(By.cssSelector("#what-if-results .problem"))
                            .getText())
                    .isEqualTo(refused.getBody().get("detail").asText());
        } finally {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.APPLICATION_PROBLEM_JSON));
            var gone = TestKeys.asPlanner(http)
                    .exchange("/api/v1/services/" + id, HttpMethod.DELETE, new HttpEntity<>(headers), Void.class);
            assertThat(gone.getStatusCode().value()).isEqualTo(204);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Types an id into a picker, waits for it to be offered first, and picks it with Enter. */
    private void pick(String picker, String id) {
        WebElement input = driver.findElement(By.id(picker));
        input.sendKeys(id);
        new WebDriverWait(driver, WAIT).until(d -> {
            String active = input.getDomAttribute("aria-activedescendant");
            return active != null && id.equals(d.findElement(By.id(active)).getDomAttribute("data-id"));
        });
        input.sendKeys(Keys.ENTER);
    }

    private String waitFor(String section) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String state = d.findElement(By.id(section)).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state) ? state : null;
        });
    }

    private JsonNode post(String path, Object body) {
        var answer = TestKeys.asPlanner(http).postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private void create(Map<String, Object> service) {
        var made = TestKeys.asPlanner(http).postForEntity("/api/v1/services", service, JsonNode.class);
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
    }

    private static List<String> lost(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.get("lostCoverage")
                .forEach(l -> rows.add(
                        l.get("territory").asText() + "/" + l.get("category").asText()));
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }
}
