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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** The referral finder (/referrals) in a real browser, against the API's own answers. */
class ReferralFinderPageIT extends BrowserIT {

    static final String HOUSING = "poverta_disagio_adulti.strutture_residenziali";

    @Test
    void theHelpDeskPicksANeedAndAMunicipalityWithTheKeyboardAndSeesTheApisReferrals() {
        logIn(TestKeys.PLANNER);
        assertThat(open("/referrals")).isEqualTo("ready");

        // The category tree, searched: the parent and its indented children.
        WebElement category = driver.findElement(By.id("category"));
        category.sendKeys("disagio adulti");
        listShows("category");
        List<String> shown = optionIds("category");
        assertThat(shown).startsWith("poverta_disagio_adulti").contains(HOUSING);
        assertThat(driver.findElement(By.cssSelector("#category-list [data-id='" + HOUSING + "']"))
                        .getDomAttribute("class"))
                .contains("level-1");
        assertThat(category.getDomAttribute("aria-expanded")).isEqualTo("true");
        category.sendKeys(Keys.ENTER);
        assertThat(category.getDomAttribute("data-value")).isEqualTo("poverta_disagio_adulti");
        assertThat(category.getDomAttribute("aria-expanded")).isEqualTo("false");

        // A municipality by part of its name, then the arrows and Enter.
        WebElement municipality = driver.findElement(By.id("municipality"));
        municipality.sendKeys("rh");
        listShows("municipality");
        assertThat(optionIds("municipality")).contains("015182");
        for (int i = 0; i < optionIds("municipality").size() && !"015182".equals(activeOption("municipality")); i++) {
            municipality.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(activeOption("municipality")).isEqualTo("015182");
        municipality.sendKeys(Keys.ENTER);
        assertThat(municipality.getDomAttribute("data-value")).isEqualTo("015182");
        assertThat(municipality.getDomProperty("value")).isEqualTo("Rho");

        driver.findElement(By.id("referral-search")).click();
        assertThat(waitForResults()).isEqualTo("ready");

        JsonNode answer = asPlanner("/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=10&maxKm=25");
        List<WebElement> rows = driver.findElements(By.cssSelector("#referrals tbody tr"));
        assertThat(rows)
                .extracting(r -> r.getDomAttribute("data-id"))
                .containsExactlyElementsOf(ids(answer.get("referrals"), "service"));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = answer.get("referrals").get(i);
            assertThat(rows.get(i).findElements(By.cssSelector(".path li")))
                    .extracting(s -> s.getDomAttribute("data-id"))
                    .containsExactlyElementsOf(pathIds(r));
            assertThat(rows.get(i).findElement(By.cssSelector(".service .name")).getText())
                    .isEqualTo(r.get("service").get("name").asText());
            assertThat(rows.get(i).findElement(By.cssSelector(".places")).getText())
                    .isEqualTo(
                            r.get("freePlaces").isNull()
                                    ? "non noto"
                                    : r.get("freePlaces").asText());
        }
        // The query, never the key, is in the address: the link opens the same answer.
        assertThat(driver.getCurrentUrl())
                .contains("category=poverta_disagio_adulti")
                .contains("territory=015182")
                .doesNotContain(TestKeys.PLANNER);
        assertThat(seriousViolations()).isEmpty();
        screenshot("referrals");
    }

    @Test
    void aMunicipalityIsFoundByItsIstatCodeAndTheReadmesAnswerComesFirst() {
        logIn(TestKeys.PLANNER);
        open("/referrals");
        WebElement category = driver.findElement(By.id("category"));
        category.sendKeys(HOUSING);
        listShows("category");
        assertThat(activeOption("category")).isEqualTo(HOUSING);
        category.sendKeys(Keys.ENTER);
        WebElement municipality = driver.findElement(By.id("municipality"));
        municipality.sendKeys("015182");
        listShows("municipality");
        assertThat(optionIds("municipality")).containsExactly("015182");
        municipality.sendKeys(Keys.ENTER);
        WebElement k = driver.findElement(By.id("k"));
        k.clear();
        k.sendKeys("3", Keys.ENTER);
        assertThat(waitForResults()).isEqualTo("ready");
        JsonNode answer = asPlanner("/api/v1/referrals?category=" + HOUSING + "&territory=015182&k=3&maxKm=25");
        assertThat(rowIds())
                .containsExactlyElementsOf(ids(answer.get("referrals"), "service"))
                .hasSize(3);

        // The README's example, opened from a link.
        open("/referrals?category=poverta_disagio_adulti&territory=015182&k=3");
        assertThat(waitForResults()).isEqualTo("ready");
        assertThat(rowIds()).first().isEqualTo("svc-mensa-solidale-rho");
        assertThat(driver.findElement(By.id("category")).getDomAttribute("data-value"))
                .isEqualTo("poverta_disagio_adulti");
    }

    @Test
    void anApiErrorShowsTheProblemDetail() {
        logIn(TestKeys.PLANNER);
        open("/referrals?category=poverta_disagio_adulti&territory=015182&k=3");
        assertThat(waitForResults()).isEqualTo("ready");
        WebElement k = driver.findElement(By.id("k"));
        k.clear();
        k.sendKeys("0");
        driver.findElement(By.id("referral-search")).click();
        assertThat(waitForResults()).isEqualTo("error");
        String detail = asPlanner("/api/v1/referrals?category=poverta_disagio_adulti&territory=015182&k=0")
                .get("detail")
                .asText();
        assertThat(driver.findElement(By.cssSelector("#results .problem")).getText())
                .isEqualTo(detail)
                .isNotBlank();
    }

    @Test
    void theLanguageSwitchIsRemembered() {
        logIn(TestKeys.PLANNER);
        open("/referrals");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dove inviare");
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        new WebDriverWait(driver, WAIT)
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                        && "ready".equals(d.findElement(By.tagName("main")).getDomAttribute("data-state")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Referral finder");
        assertThat(driver.findElement(By.cssSelector("label[for=municipality]")).getText())
                .isEqualTo("Municipality");
        // English category names in the tree.
        driver.findElement(By.id("category")).sendKeys("adult residential");
        listShows("category");
        assertThat(optionIds("category")).contains(HOUSING);
        open("/plan");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Planning desk");
    }

    @Test
    void aReaderSeesAConfidentialPlaceAsTheApiMasksIt() {
        String reader = newKey("READER", null);
        String id = "svc-test-riservato-desk";
        create(service(id, "Casa rifugio riservata di prova", true));
        try {
            String query = "?category=" + HOUSING + "&territory=015182&k=100&maxKm=25";
            JsonNode forReader = get(reader, "/api/v1/referrals" + query);
            JsonNode forPlanner = asPlanner("/api/v1/referrals" + query);
            JsonNode masked = find(forReader.get("referrals"), id);
            assertThat(masked).as("the READER's answer lists the place").isNotNull();
            assertThat(masked.get("distanceKm").asDouble()).isEqualTo(5.0);
            assertThat(find(forPlanner.get("referrals"), id).get("distanceKm").asDouble())
                    .isEqualTo(0.0);

            logIn(reader);
            assertThat(open("/referrals" + query)).isEqualTo("ready");
            assertThat(waitForResults()).isEqualTo("ready");
            assertThat(rowIds()).containsExactlyElementsOf(ids(forReader.get("referrals"), "service"));
            WebElement row = driver.findElement(By.cssSelector("#referrals tr[data-id='" + id + "']"));
            assertThat(row.getDomAttribute("data-confidential")).isEqualTo("true");
            assertThat(row.findElement(By.cssSelector(".distance")).getText()).isEqualTo("5 km");
            assertThat(row.findElements(By.cssSelector(".path li")))
                    .extracting(s -> s.getDomAttribute("data-id"))
                    .containsExactlyElementsOf(pathIds(masked))
                    .doesNotContain("015182");
            assertThat(row.findElements(By.cssSelector(".path li[data-kind=MUNICIPALITY]")))
                    .isEmpty();
            assertThat(seriousViolations()).isEmpty();
        } finally {
            delete(id);
        }
    }

    @Test
    void anXssShapedServiceNameRendersAsText() {
        String id = "svc-test-xss-desk";
        String name = "Casa <script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        create(service(id, name, false));
        try {
            logIn(TestKeys.PLANNER);
            open("/referrals?category=" + HOUSING + "&territory=015182&k=100&maxKm=25");
            assertThat(waitForResults()).isEqualTo("ready");
            WebElement row = driver.findElement(By.cssSelector("#referrals tr[data-id='" + id + "']"));
            assertThat(row.findElement(By.cssSelector(".service .name")).getText())
                    .isEqualTo(name);
            assertThat(row.findElements(By.tagName("img"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#results script"))).isEmpty();
            assertThat(js("return window.__xss")).isNull();
        } finally {
            delete(id);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void listShows(String picker) {
        new WebDriverWait(driver, WAIT)
                .until(d -> d.findElement(By.id(picker + "-list")).isDisplayed());
    }

    private List<String> optionIds(String picker) {
        return driver.findElements(By.cssSelector("#" + picker + "-list [role=option][data-id]")).stream()
                .map(e -> e.getDomAttribute("data-id"))
                .toList();
    }

    private String activeOption(String picker) {
        String active = driver.findElement(By.id(picker)).getDomAttribute("aria-activedescendant");
        return active == null ? null : driver.findElement(By.id(active)).getDomAttribute("data-id");
    }

    private String waitForResults() {
        return new WebDriverWait(driver, WAIT).until(d -> {
            String state = d.findElement(By.id("results")).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state) ? state : null;
        });
    }

    private List<String> rowIds() {
        return driver.findElements(By.cssSelector("#referrals tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-id"))
                .toList();
    }

    static List<String> ids(JsonNode referrals, String field) {
        List<String> ids = new ArrayList<>();
        referrals.forEach(r -> ids.add(r.get(field).get("id").asText()));
        return ids;
    }

    static List<String> pathIds(JsonNode referral) {
        List<String> ids = new ArrayList<>();
        referral.get("path").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    static JsonNode find(JsonNode referrals, String service) {
        for (JsonNode r : referrals) {
            if (service.equals(r.get("service").get("id").asText())) {
                return r;
            }
        }
        return null;
    }

    private JsonNode asPlanner(String path) {
        return TestKeys.asPlanner(http).getForObject(path, JsonNode.class);
    }

    private JsonNode get(String key, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return TestKeys.asPlanner(http)
                .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getBody();
    }

    static Map<String, Object> service(String id, String name, boolean confidential) {
        return Map.of(
                "id",
                id,
                "name",
                name,
                "provider",
                "coop-abitare",
                "categories",
                List.of(HOUSING),
                "territories",
                List.of("015182"),
                "capacity",
                4,
                "occupied",
                1,
                "confidential",
                confidential);
    }

    private void create(Map<String, Object> service) {
        var made = TestKeys.asPlanner(http).postForEntity("/api/v1/services", service, JsonNode.class);
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
    }

    private void delete(String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON));
        var gone = TestKeys.asPlanner(http)
                .exchange("/api/v1/services/" + id, HttpMethod.DELETE, new HttpEntity<>(headers), Void.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(204);
    }
}
