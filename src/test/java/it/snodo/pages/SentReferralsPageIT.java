package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.snodo.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sending referrals and following them on the referral finder (/referrals), in a real browser:
 * a help desk sends from a result row, the provider's cooperative answers, a planner pages and
 * filters, a READER sees neither. Each test deletes the referrals (and their history) it made.
 */
class SentReferralsPageIT extends BrowserIT {

    static final String ADULTS = "poverta_disagio_adulti";
    static final String HOUSING = ADULTS + ".strutture_residenziali";
    static final String EMERGENCY = ADULTS + ".pronto_intervento_sociale";
    static final String RHO = "015182";
    static final String SERVICE = "svc-test-sent-desk";
    static final String SERVICE_NAME = "Alloggio di prova per gli invii";
    static final String PROVIDER = "coop-abitare";
    static final String PRIVACY = "Snodo non registra chi è la persona: tienilo nei tuoi archivi.";

    @Autowired
    Driver neo4j;

    @BeforeEach
    @AfterEach
    void noReferralsAndNoTestService() {
        try (var session = neo4j.session()) {
            session.run("MATCH (r:SentReferral) DETACH DELETE r").consume();
            session.run("MATCH (e:AuditEntry) WHERE e.referral IS NOT NULL DETACH DELETE e")
                    .consume();
        }
        deleteServiceIfThere();
    }

    @Test
    void aHelpDeskSendsAReferralFromAResultRowAndSeesItInItsList() {
        // The service answers two narrower needs of the one searched for: it covers that one.
        create(Map.of(
                "id",
                SERVICE,
                "name",
                SERVICE_NAME,
                "provider",
                PROVIDER,
                "categories",
                List.of(HOUSING, EMERGENCY),
                "territories",
                List.of(RHO),
                "capacity",
                4,
                "occupied",
                1,
                "confidential",
                false));
        String helpDesk = newKey("HELP_DESK", null);
        logIn(helpDesk);
        assertThat(open("/referrals?category=" + ADULTS + "&territory=" + RHO + "&k=100&maxKm=25"))
                .isEqualTo("ready");
        assertThat(waitFor("results")).isEqualTo("ready");
        assertThat(waitFor("sent")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("sent-none")).getText()).startsWith("Nessun invio ancora");
        assertThat(driver.findElement(By.cssSelector("#sent .privacy")).getText())
                .isEqualTo(PRIVACY);

        // Every result row has its send button; this one opens the form.
        assertThat(driver.findElements(By.cssSelector("#referrals tbody tr")))
                .allSatisfy(r -> assertThat(r.findElements(By.cssSelector("button[data-send]")))
                        .hasSize(1));
        WebElement send =
                driver.findElement(By.cssSelector("#referrals tr[data-id='" + SERVICE + "'] button[data-send]"));
        assertThat(send.getDomAttribute("aria-label")).isEqualTo("Invia a " + SERVICE_NAME);
        send.click();
        WebElement dialog = waitForDialog(true);
        assertThat(dialog.findElement(By.id("send-privacy")).getText()).isEqualTo(PRIVACY);
        // Nothing in the form can hold a name or any text about the person.
        assertThat(dialog.findElements(By.cssSelector("textarea, input:not([type=number]):not([type=hidden])")))
                .isEmpty();
        assertThat(dialog.findElements(By.cssSelector("input[type=number]")))
                .extracting(e -> e.getDomAttribute("id"))
                .containsExactly("send-people");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("send-people");
        assertThat(dialog.findElement(By.id("send-summary")).getText())
                .contains(asPlanner("/api/v1/categories/" + ADULTS).get("name").asText());
        assertThat(seriousViolations()).isEmpty();
        screenshot("sent-referrals-send");

        // 21 people is one household too many: the form says so and sends nothing.
        WebElement people = driver.findElement(By.id("send-people"));
        people.clear();
        people.sendKeys("21", Keys.ENTER);
        WebElement problem = waiting().until(d -> d.findElement(By.cssSelector("#send-messages .problem")));
        assertThat(problem.getText()).startsWith("Indica quante persone");
        assertThat(people.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(list(helpDesk).get("totalElements").asInt()).isZero();

        people.clear();
        people.sendKeys("3");
        new Select(driver.findElement(By.id("send-urgency"))).selectByValue("HIGH");
        driver.findElement(By.id("send-submit")).click();
        waitForDialog(false);
        WebElement ok = waiting().until(d -> d.findElement(By.id("sent-ok")));
        assertThat(ok.getText()).startsWith("Invio registrato: 3 persone a «" + SERVICE_NAME + "»");
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-send"))
                .isEqualTo(SERVICE);
        assertThat(driver.findElement(By.cssSelector("#referrals tr[data-id='" + SERVICE + "'] .sent-note"))
                        .getText())
                .startsWith("Inviato il ");

        // What the API recorded: no person, the key that sent it, the need searched for.
        JsonNode recorded = list(helpDesk).get("content");
        assertThat(recorded).hasSize(1);
        JsonNode r = recorded.get(0);
        assertThat(r.get("service").asText()).isEqualTo(SERVICE);
        assertThat(r.get("category").asText()).isEqualTo(ADULTS);
        assertThat(r.get("territory").asText()).isEqualTo(RHO);
        assertThat(r.get("people").asInt()).isEqualTo(3);
        assertThat(r.get("urgency").asText()).isEqualTo("HIGH");
        assertThat(r.get("sentBy").asText()).isEqualTo(me(helpDesk).get("keyId").asText());

        // ...and the list shows it, with the one move its sender may make.
        WebElement row = waitForRow(r.get("id").asText(), "SENT");
        assertThat(row.findElement(By.cssSelector("th.service")).getText()).isEqualTo(SERVICE_NAME);
        assertThat(cells(row))
                .containsExactly(
                        "Inviato",
                        "Rho",
                        asPlanner("/api/v1/categories/" + ADULTS).get("name").asText(),
                        "3",
                        "Alta");
        assertThat(moves(row)).containsExactly("cancel");
        assertThat(row.findElement(By.cssSelector("[data-move=cancel]")).getDomAttribute("aria-label"))
                .startsWith("Annulla l'invio – " + SERVICE_NAME + ", inviato ");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aProblemDetailOfTheApiIsShownInTheForm() {
        create(Map.of(
                "id",
                SERVICE,
                "name",
                SERVICE_NAME,
                "provider",
                PROVIDER,
                "categories",
                List.of(HOUSING),
                "territories",
                List.of(RHO),
                "capacity",
                4,
                "occupied",
                1,
                "confidential",
                false));
        logIn(newKey("HELP_DESK", null));
        open("/referrals?category=" + HOUSING + "&territory=" + RHO + "&k=100&maxKm=25");
        assertThat(waitFor("results")).isEqualTo("ready");
        // The service goes away after the search: the API refuses the referral, and says why.
        deleteServiceIfThere();
        driver.findElement(By.cssSelector("#referrals tr[data-id='" + SERVICE + "'] button[data-send]"))
                .click();
        waitForDialog(true);
        driver.findElement(By.id("send-submit")).click();
        WebElement problem = new WebDriverWait(driver, WAIT)
                .until(d -> d.findElement(By.cssSelector("#send-messages .problem[role=alert]")));
        assertThat(problem.getText())
                .contains("The referral names something the network does not hold as it says")
                .contains("service: names no service");
        assertThat(driver.findElement(By.id("send-dialog")).getDomAttribute("open"))
                .isNotNull();
        // Escape closes the form and gives the focus back to the row's button.
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitForDialog(false);
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-send"))
                .isEqualTo(SERVICE);
    }

    @Test
    void theProvidersCooperativeAcceptsDeclinesAndIsToldWhenAnotherAnsweredFirst() {
        create(Map.of(
                "id",
                SERVICE,
                "name",
                SERVICE_NAME,
                "provider",
                PROVIDER,
                "categories",
                List.of(HOUSING),
                "territories",
                List.of(RHO),
                "capacity",
                4,
                "occupied",
                1,
                "confidential",
                false));
        String helpDesk = newKey("HELP_DESK", null);
        String toAccept = send(helpDesk, 2);
        String toDecline = send(helpDesk, 1);
        String answeredElsewhere = send(helpDesk, 4);

        logIn(newKey("COOPERATIVE", PROVIDER));
        assertThat(open("/referrals")).isEqualTo("ready");
        assertThat(waitFor("sent")).isEqualTo("ready");
        // A cooperative does not send: no form, no send column.
        assertThat(driver.findElements(By.id("send-dialog"))).isEmpty();
        assertThat(driver.findElement(By.id("sent-intro")).getText())
                .startsWith("Gli invii ai servizi della tua cooperativa");
        assertThat(rowIds()).containsExactlyInAnyOrder(toAccept, toDecline, answeredElsewhere);
        for (String id : rowIds()) {
            assertThat(moves(row(id))).as(id).containsExactly("accept", "decline");
        }

        row(toAccept).findElement(By.cssSelector("[data-move=accept]")).click();
        WebElement accepted = waitForRow(toAccept, "ACCEPTED");
        assertThat(driver.findElement(By.id("sent-done")).getText())
                .isEqualTo("Invio a «" + SERVICE_NAME + "» accettato.");
        assertThat(moves(accepted)).containsExactly("complete", "drop");
        assertThat(status(toAccept)).isEqualTo("ACCEPTED");
        // The focus stays on the row that moved.
        assertThat(driver.switchTo().activeElement().getDomAttribute("data-move"))
                .isEqualTo("complete");

        // The history, opened from the row: sent by the help desk, accepted by this key.
        WebElement toggle = accepted.findElement(By.cssSelector("[data-toggle=history]"));
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        List<WebElement> entries = waiting().until(d -> {
            List<WebElement> li = d.findElements(By.cssSelector("tr[data-history-of='" + toAccept + "'] li"));
            return li.size() == 2 ? li : null;
        });
        assertThat(entries).extracting(e -> e.getDomAttribute("data-to")).containsExactly("SENT", "ACCEPTED");
        assertThat(entries.get(0).getText()).endsWith("Inviato · chiave HELP_DESK");
        assertThat(entries.get(1).getText()).endsWith("Accettato · questa chiave (COOPERATIVE)");
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");

        // Declining asks why, with the API's reasons only.
        row(toDecline).findElement(By.cssSelector("[data-move=decline]")).click();
        Select reason = new Select(driver.findElement(By.id("sent-reason-" + toDecline)));
        assertThat(reason.getOptions())
                .extracting(o -> o.getDomAttribute("value"))
                .containsExactly("FULL", "NOT_ELIGIBLE", "OUT_OF_AREA", "OTHER");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("sent-reason-" + toDecline);
        assertThat(seriousViolations()).isEmpty();
        reason.selectByValue("OUT_OF_AREA");
        row(toDecline).findElement(By.cssSelector("[data-confirm=decline]")).click();
        WebElement declined = waitForRow(toDecline, "DECLINED");
        assertThat(declined.findElement(By.cssSelector(".status")).getText())
                .isEqualTo("Rifiutato: fuori dalla zona servita");
        assertThat(moves(declined)).isEmpty();
        assertThat(asPlanner("/api/v1/sent-referrals/" + toDecline)
                        .get("reason")
                        .asText())
                .isEqualTo("OUT_OF_AREA");
        row(toAccept).findElement(By.cssSelector("[data-toggle=history]")).click();
        waiting()
                .until(d -> d.findElements(By.cssSelector("tr[data-history-of='" + toAccept + "'] li"))
                                .size()
                        == 2);
        js("document.getElementById('sent').scrollIntoView()");
        screenshot("sent-referrals");

        // A planner answers first, behind the page: the API's 409 is shown, and the row says what it is now.
        var byPlanner = TestKeys.asPlanner(http)
                .postForEntity("/api/v1/sent-referrals/" + answeredElsewhere + "/accept", null, JsonNode.class);
        assertThat(byPlanner.getStatusCode().value()).isEqualTo(200);
        row(answeredElsewhere).findElement(By.cssSelector("[data-move=accept]")).click();
        WebElement problem = new WebDriverWait(driver, WAIT)
                .until(d -> d.findElement(By.cssSelector("#sent-messages .problem[role=alert]")));
        assertThat(problem.getText())
                .isEqualTo("The referral '" + answeredElsewhere + "' is ACCEPTED: accept is allowed only from SENT");
        assertThat(moves(waitForRow(answeredElsewhere, "ACCEPTED"))).containsExactly("complete", "drop");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aReaderSeesNoSendButtonAndNoList() {
        logIn(newKey("READER", null));
        assertThat(open("/referrals?category=" + HOUSING + "&territory=" + RHO + "&k=3"))
                .isEqualTo("ready");
        assertThat(waitFor("results")).isEqualTo("ready");
        assertThat(driver.findElements(By.cssSelector("#referrals tbody tr"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("[data-send]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#referrals thead th"))).hasSize(6);
        assertThat(driver.findElements(By.id("send-dialog"))).isEmpty();
        assertThat(driver.findElements(By.id("sent"))).isEmpty();
        assertThat(driver.findElement(By.id("sent-needs-key")).getText()).contains("(READER)");
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void aPlannerPagesThroughFiltersAndMayMakeEveryMove() {
        create(Map.of(
                "id",
                SERVICE,
                "name",
                SERVICE_NAME,
                "provider",
                PROVIDER,
                "categories",
                List.of(HOUSING),
                "territories",
                List.of(RHO),
                "capacity",
                4,
                "occupied",
                1,
                "confidential",
                false));
        String helpDesk = newKey("HELP_DESK", null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(send(helpDesk, 1 + i % 20));
        }
        // The first one has waited for an answer longer than the answer time.
        try (var session = neo4j.session()) {
            session.run(
                            "MATCH (r:SentReferral {id: $id}) SET r.sentAt = r.sentAt - duration('P30D')",
                            Map.of("id", ids.get(0)))
                    .consume();
        }
        logIn(TestKeys.PLANNER);
        open("/referrals");
        assertThat(waitFor("sent")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("sent-summary")).getText()).isEqualTo("21 invii. Pagina 1 di 2.");
        driver.findElement(By.id("sent-overdue")).click();
        waiting().until(d -> rowIds().equals(List.of(ids.get(0))));
        assertThat(row(ids.get(0)).getDomAttribute("data-overdue")).isEqualTo("true");
        assertThat(row(ids.get(0)).findElement(By.cssSelector(".badge.overdue")).getText())
                .isEqualTo("in ritardo");
        driver.findElement(By.id("sent-overdue")).click();
        waiting().until(d -> rowIds().size() == 20);
        assertThat(driver.findElements(By.cssSelector("#sent-referrals .badge.overdue")))
                .isEmpty();
        assertThat(rowIds()).hasSize(20);
        // A planner may answer for the service and withdraw it too.
        assertThat(moves(row(rowIds().get(0)))).containsExactly("accept", "decline", "cancel");
        assertThat(driver.findElement(By.id("sent-prev")).isEnabled()).isFalse();

        driver.findElement(By.id("sent-next")).click();
        waiting().until(d -> rowIds().size() == 1);
        assertThat(driver.findElement(By.id("sent-summary")).getText()).isEqualTo("21 invii. Pagina 2 di 2.");
        // Newest first: the first one sent is last.
        assertThat(rowIds()).containsExactly(ids.get(0));
        assertThat(driver.findElement(By.id("sent-next")).isEnabled()).isFalse();

        // Withdrawing the one row of the last page shows the page that is last now.
        new Select(driver.findElement(By.id("sent-filter-status"))).selectByValue("SENT");
        waiting().until(d -> rowIds().size() == 20 && "21 invii. Pagina 1 di 2.".equals(text("sent-summary")));
        driver.findElement(By.id("sent-next")).click();
        waiting().until(d -> rowIds().size() == 1);
        row(ids.get(0)).findElement(By.cssSelector("[data-move=cancel]")).click();
        waiting().until(d -> "20 invii.".equals(text("sent-summary")));
        assertThat(rowIds()).hasSize(20).doesNotContain(ids.get(0));
        assertThat(driver.findElement(By.id("sent-done")).getText())
                .isEqualTo("Invio a «" + SERVICE_NAME + "» annullato.");
        assertThat(status(ids.get(0))).isEqualTo("CANCELLED");

        new Select(driver.findElement(By.id("sent-filter-status"))).selectByValue("CANCELLED");
        waiting().until(d -> rowIds().size() == 1);
        assertThat(moves(row(rowIds().get(0)))).isEmpty();

        driver.findElement(By.id("sent-overdue")).click();
        WebElement none = waiting().until(d -> d.findElement(By.id("sent-none")));
        assertThat(none.getText()).isEqualTo("Nessun invio con questi filtri.");

        // In English too.
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        waiting()
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                        && "ready".equals(d.findElement(By.tagName("main")).getDomAttribute("data-state")));
        assertThat(waitFor("sent")).isEqualTo("ready");
        assertThat(driver.findElement(By.id("sent-title")).getText()).isEqualTo("Sent referrals");
        assertThat(driver.findElement(By.id("sent-summary")).getText()).isEqualTo("21 referrals. Page 1 of 2.");
        assertThat(driver.findElement(By.cssSelector("#sent .privacy")).getText())
                .isEqualTo("Snodo keeps no record of who the person is: keep that in your own files.");
        assertThat(seriousViolations()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** A wait that looks again when the element it read was just redrawn. */
    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    private String waitFor(String section) {
        return waiting().until(d -> {
            String state = d.findElement(By.id(section)).getDomAttribute("data-state");
            return "ready".equals(state) || "error".equals(state) ? state : null;
        });
    }

    private WebElement waitForDialog(boolean open) {
        WebElement dialog = driver.findElement(By.id("send-dialog"));
        waiting().until(open ? ExpectedConditions.visibilityOf(dialog) : ExpectedConditions.invisibilityOf(dialog));
        return dialog;
    }

    private WebElement waitForRow(String id, String status) {
        return waiting().until(d -> {
            if (!"ready".equals(d.findElement(By.id("sent")).getDomAttribute("data-state"))) {
                return null;
            }
            List<WebElement> rows = d.findElements(By.cssSelector("#sent-referrals tr[data-id='" + id + "']"));
            return rows.size() == 1 && status.equals(rows.get(0).getDomAttribute("data-status")) ? rows.get(0) : null;
        });
    }

    private WebElement row(String id) {
        return driver.findElement(By.cssSelector("#sent-referrals tr[data-id='" + id + "']"));
    }

    private List<String> rowIds() {
        return driver.findElements(By.cssSelector("#sent-referrals tbody tr[data-id]")).stream()
                .map(r -> r.getDomAttribute("data-id"))
                .toList();
    }

    private String text(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** The moves a row offers, in order (the history toggle is not one). */
    private static List<String> moves(WebElement row) {
        return row.findElements(By.cssSelector("[data-move]")).stream()
                .map(b -> b.getDomAttribute("data-move"))
                .toList();
    }

    /** Status, municipality, category, people and urgency of a row. */
    private static List<String> cells(WebElement row) {
        List<WebElement> td = row.findElements(By.tagName("td"));
        return List.of(
                td.get(0).getText(),
                td.get(1).getText(),
                td.get(2).getText(),
                td.get(3).getText(),
                td.get(4).getText());
    }

    private String send(String key, int people) {
        var body = Map.of("service", SERVICE, "category", HOUSING, "territory", RHO, "people", people);
        ResponseEntity<JsonNode> sent = TestKeys.asPlanner(http)
                .exchange(
                        "/api/v1/sent-referrals", HttpMethod.POST, new HttpEntity<>(body, bearer(key)), JsonNode.class);
        assertThat(sent.getStatusCode().value()).as("%s", sent.getBody()).isEqualTo(201);
        return sent.getBody().get("id").asText();
    }

    private String status(String id) {
        return asPlanner("/api/v1/sent-referrals/" + id).get("status").asText();
    }

    private JsonNode list(String key) {
        return TestKeys.asPlanner(http)
                .exchange("/api/v1/sent-referrals", HttpMethod.GET, new HttpEntity<>(bearer(key)), JsonNode.class)
                .getBody();
    }

    private JsonNode me(String key) {
        return TestKeys.asPlanner(http)
                .exchange("/api/v1/me", HttpMethod.GET, new HttpEntity<>(bearer(key)), JsonNode.class)
                .getBody();
    }

    private JsonNode asPlanner(String path) {
        return TestKeys.asPlanner(http).getForObject(path, JsonNode.class);
    }

    private static HttpHeaders bearer(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return headers;
    }

    private void create(Map<String, Object> service) {
        var made = TestKeys.asPlanner(http).postForEntity("/api/v1/services", service, JsonNode.class);
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
    }

    private void deleteServiceIfThere() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PROBLEM_JSON));
        var gone = TestKeys.asPlanner(http)
                .exchange("/api/v1/services/" + SERVICE, HttpMethod.DELETE, new HttpEntity<>(headers), Void.class);
        assertThat(gone.getStatusCode().value()).isIn(204, 404);
    }
}
