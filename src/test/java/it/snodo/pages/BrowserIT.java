package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import it.snodo.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests of the pages in a real browser: Debian's headless Chromium driven by
 * Selenium against the real service with the demo loaded (one context for every page test; the
 * tests only read, or write what they delete). Each test gets a fresh browser; {@link #open}
 * waits for the page's {@code main[data-state]} to leave "loading".
 */
@ExtendWith(Browser.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "snodo.neo4j.home=target/it-neo4j/${random.uuid}",
            "snodo.neo4j.bolt-port=0",
            "snodo.neo4j.page-cache=16MB",
            "snodo.demo.load=true",
            "snodo.limits.requests-per-second=0",
            // Its own context: DemoIT and ReadmeTourIT keep theirs.
            "snodo.pages.test=true",
            "snodo.security.bootstrap-planner-key=" + TestKeys.PLANNER
        })
public abstract class BrowserIT {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestRestTemplate http;

    protected WebDriver driver;
    private ChromeDriverService service;

    @BeforeEach
    void startBrowser() throws IOException {
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Browser.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,800",
                "--user-data-dir=" + Files.createTempDirectory("snodo-chromium").toAbsolutePath());
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new key of {@code role} (and {@code cooperative} for a COOPERATIVE key), made by the planner. */
    protected String newKey(String role, String cooperative) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("role", role);
        body.put("label", "browser test " + role.toLowerCase());
        if (cooperative != null) {
            body.put("cooperative", cooperative);
        }
        var made = TestKeys.asPlanner(http)
                .postForEntity("/api/v1/keys", body, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(made.getStatusCode().value()).as("%s", made.getBody()).isEqualTo(201);
        return made.getBody().get("key").asText();
    }

    /** Logs in as the home page does: the key goes into this tab's sessionStorage. */
    protected void logIn(String key) {
        driver.get(url("/"));
        waitForState();
        WebElement field = driver.findElement(By.name("key"));
        field.clear();
        field.sendKeys(key);
        field.submit();
        // The page reloads once the key is accepted: then the frame shows the key's role.
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#shell .role")).isEmpty());
        waitForState();
    }

    /** Opens a page (logged in already, or not) and waits until its main element is ready or failed. */
    protected String open(String path) {
        driver.get(url(path));
        return waitForState();
    }

    /** Waits until {@code main[data-state]} is "ready" or "error", and answers it. */
    protected String waitForState() {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String state = d.findElement(By.tagName("main")).getDomAttribute("data-state");
                    return "ready".equals(state) || "error".equals(state) ? state : null;
                });
    }

    /** Saves a PNG of the window under target/screenshots/ for review; answers its path. */
    protected Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical accessibility violations axe-core finds in the page as it is now. */
    protected List<String> seriousViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(BrowserIT::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }

    /** Runs JavaScript in the page. */
    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
