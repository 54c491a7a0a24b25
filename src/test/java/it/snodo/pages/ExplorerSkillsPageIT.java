package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A cooperative's skill matches in the explorer's side panel: what it looks for and who could lend
 * it, and whom it could lend to, are what GET /api/v1/skills/matches answers; the panel is used from
 * the keyboard; the keys that may not read skill requests pick a skill instead and see its lenders.
 */
class ExplorerSkillsPageIT extends BrowserIT {

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

    private List<JsonNode> rows(String path) {
        List<JsonNode> rows = new ArrayList<>();
        get(path + (path.contains("?") ? "&" : "?") + "size=1000")
                .get("content")
                .forEach(rows::add);
        return rows;
    }

    /** skill → the ids of the cooperatives that could lend it to {@code cooperative}, nearest first. */
    private Map<String, List<String>> sought(String cooperative) {
        Map<String, List<String>> sought = new TreeMap<>();
        for (JsonNode r : rows("/api/v1/skill-requests?cooperative=" + cooperative)) {
            String skill = r.get("skill").asText();
            List<String> lenders = new ArrayList<>();
            get("/api/v1/skills/matches?cooperative=" + cooperative + "&skill=" + skill)
                    .get("matches")
                    .forEach(m -> lenders.add(m.get("cooperative").get("id").asText()));
            sought.put(skill, lenders);
        }
        return sought;
    }

    /** "cooperative|skill" of each request of another cooperative whose matches name {@code cooperative}. */
    private Set<String> offered(String cooperative) {
        Map<String, String> broader = new TreeMap<>();
        for (JsonNode s : rows("/api/v1/skills")) {
            if (s.hasNonNull("partOf")) {
                broader.put(s.get("code").asText(), s.get("partOf").asText());
            }
        }
        Set<String> answered = new HashSet<>();
        for (JsonNode o : rows("/api/v1/skill-offers?cooperative=" + cooperative)) {
            for (String code = o.get("skill").asText(); code != null; code = broader.get(code)) {
                answered.add(code);
            }
        }
        Set<String> offered = new HashSet<>();
        for (JsonNode r : rows("/api/v1/skill-requests")) {
            String other = r.get("cooperative").asText();
            String skill = r.get("skill").asText();
            if (other.equals(cooperative) || !answered.contains(skill)) {
                continue;
            }
            for (JsonNode m : get("/api/v1/skills/matches?cooperative=" + other + "&skill=" + skill + "&k=100")
                    .get("matches")) {
                if (m.get("cooperative").get("id").asText().equals(cooperative)) {
                    offered.add(other + "|" + skill);
                }
            }
        }
        return offered;
    }

    private Map<String, List<String>> shownSought() {
        Map<String, List<String>> shown = new TreeMap<>();
        for (WebElement li : driver.findElements(By.cssSelector("#skills-sought > li[data-skill]"))) {
            shown.put(
                    li.getDomAttribute("data-skill"),
                    li.findElements(By.cssSelector("ol.lenders > li")).stream()
                            .map(e -> e.getDomAttribute("data-id"))
                            .toList());
        }
        return shown;
    }

    private Set<String> shownOffered() {
        Set<String> shown = new HashSet<>();
        for (WebElement li : driver.findElements(By.cssSelector("#skills-offered > li[data-id]"))) {
            shown.add(li.getDomAttribute("data-id") + "|" + li.getDomAttribute("data-skill"));
        }
        return shown;
    }

    private void waitForActor(String id) {
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.cssSelector("#actor-name[data-id='" + id + "']"))
                                .isEmpty()
                        && !d.findElements(By.id("actor-services")).isEmpty());
    }

    private void clickActor(String id) {
        driver.findElement(By.cssSelector("#actors li[data-id='" + id + "'] button"))
                .click();
        waitForActor(id);
    }

    @Test
    void aCooperativesPanelShowsWhoCouldLendItAndWhomItCouldLendTo() {
        logIn(TestKeys.PLANNER);
        assertThat(open("/explorer")).isEqualTo("ready");

        // Abitare looks for a cultural mediator: the lenders are the API's, in its order.
        clickActor("coop-abitare");
        Map<String, List<String>> sought = sought("coop-abitare");
        assertThat(sought).containsKey("sk-mediatore");
        assertThat(sought.get("sk-mediatore")).isNotEmpty();
        assertThat(shownSought()).isEqualTo(sought);
        WebElement first = driver.findElement(
                By.cssSelector("#skills-sought > li[data-skill='sk-mediatore'] ol.lenders > li:first-child"));
        JsonNode nearest = get("/api/v1/skills/matches?cooperative=coop-abitare&skill=sk-mediatore")
                .get("matches")
                .get(0);
        assertThat(first.getText())
                .contains(nearest.get("cooperative").get("name").asText())
                .contains(String.valueOf(nearest.get("hoursPerWeek").asInt()));

        // Crocevia offers a mediator: among those it could lend to is the one that asks for it.
        clickActor(sought.get("sk-mediatore").get(0));
        String lender = sought.get("sk-mediatore").get(0);
        Set<String> offered = offered(lender);
        assertThat(offered).contains("coop-abitare|sk-mediatore");
        assertThat(shownOffered()).isEqualTo(offered);
        assertThat(driver.findElements(By.cssSelector("#main .problem"))).isEmpty();
        assertThat(seriousViolations()).isEmpty();
        js("document.getElementById('actor-skills').scrollIntoView()");
        screenshot("explorer-skills");
    }

    @Test
    void theSkillMatchesAreFollowedWithTheKeyboard() {
        logIn(TestKeys.PLANNER);
        assertThat(open("/explorer")).isEqualTo("ready");
        // The accessible list of actors: Enter on a cooperative's button opens its panel.
        WebElement abitare = driver.findElement(By.cssSelector("#actors li[data-id='coop-abitare'] button"));
        js("arguments[0].focus()", abitare);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForActor("coop-abitare");
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.cssSelector("#skills-sought ol.lenders button"))
                        .isEmpty());
        // Tab through the panel to the first lender's button, then Enter: its panel opens.
        WebElement lender = driver.findElement(By.cssSelector("#skills-sought ol.lenders button"));
        String lenderId = lender.findElement(By.xpath("./ancestor::li[1]")).getDomAttribute("data-id");
        js("document.getElementById('paths-from-here').focus()");
        for (int i = 0; i < 60 && !lender.equals(driver.switchTo().activeElement()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(lender);
        lender.sendKeys(Keys.ENTER);
        waitForActor(lenderId);
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.cssSelector("#skills-offered")).isEmpty());
        assertThat(shownOffered()).contains("coop-abitare|sk-mediatore");
    }

    /**
     * A key that may not read skill requests: no list made from them (nor a 403), but a skill picked
     * from the keyboard shows who could lend it, as the API answers.
     */
    private void picksASkillWithoutSeeingRequests(String role) {
        logIn(newKey(role, null));
        assertThat(open("/explorer")).isEqualTo("ready");
        clickActor("coop-abitare");
        assertThat(driver.findElements(By.cssSelector("#skills-sought, #skills-offered")))
                .as(role)
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("#main .problem")))
                .as(role)
                .isEmpty();
        WebElement pick = driver.findElement(By.id("skill-pick"));
        js("arguments[0].focus()", pick);
        // The keyboard: type-ahead is unreliable in a closed select, so step down to the mediator.
        for (int i = 0; i < 60 && !"sk-mediatore".equals(pick.getDomProperty("value")); i++) {
            pick.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(pick.getDomProperty("value")).isEqualTo("sk-mediatore");
        pick.sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("skill-find");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, WAIT)
                .until(d -> "ready".equals(d.findElement(By.id("skill-lenders")).getDomAttribute("data-state")));
        List<String> expected = new ArrayList<>();
        get("/api/v1/skills/matches?cooperative=coop-abitare&skill=sk-mediatore")
                .get("matches")
                .forEach(m -> expected.add(m.get("cooperative").get("id").asText()));
        assertThat(expected).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#skill-lenders ol.lenders > li")).stream()
                        .map(e -> e.getDomAttribute("data-id"))
                        .toList())
                .as(role)
                .isEqualTo(expected);
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aReaderPicksASkillAndSeesItsLendersButNoRequests() {
        picksASkillWithoutSeeingRequests("READER");
    }

    @Test
    void aHelpDeskPicksASkillAndSeesItsLendersButNoRequests() {
        picksASkillWithoutSeeingRequests("HELP_DESK");
    }

    @Test
    void aCooperativesKeySeesTheSkillMatchesOfAnother() {
        // A cooperative's key may read the requests: it sees the matches, for itself and for the others.
        logIn(newKey("COOPERATIVE", "coop-mosaico"));
        assertThat(open("/explorer")).isEqualTo("ready");
        clickActor("coop-abitare");
        assertThat(driver.findElements(By.id("skill-pick"))).isEmpty();
        assertThat(shownSought()).isEqualTo(sought("coop-abitare"));
    }
}
