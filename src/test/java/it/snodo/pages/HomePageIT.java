package it.snodo.pages;

import static org.assertj.core.api.Assertions.assertThat;

import it.snodo.TestKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class HomePageIT extends BrowserIT {

    @Test
    void aKeyEnteredOnTheHomePageStaysInTheTabAndLogOutForgetsIt() {
        assertThat(open("/")).isEqualTo("ready");
        assertThat(driver.findElements(By.cssSelector("#pages a")))
                .extracting(e -> e.getDomAttribute("href"))
                .containsExactly("/explorer", "/gaps", "/referrals", "/plan");
        assertThat(seriousViolations()).isEmpty();

        logIn(TestKeys.PLANNER);
        assertThat(waitForState()).isEqualTo("ready");
        assertThat(driver.findElement(By.cssSelector("#shell .role")).getDomAttribute("data-role"))
                .isEqualTo("PLANNER");
        assertThat(driver.getCurrentUrl()).doesNotContain(TestKeys.PLANNER);
        assertThat(driver.manage().getCookies()).isEmpty();
        screenshot("home");

        driver.findElement(By.id("logout")).click();
        waitForState();
        assertThat(js("return sessionStorage.getItem('snodo.key')")).isNull();
        assertThat(driver.findElements(By.id("logout"))).isEmpty();
    }

    @Test
    void aKeyThatIsNotValidIsRefusedWithTheProblemDetail() {
        open("/");
        driver.findElement(By.name("key")).sendKeys("not-a-key-of-this-service-000000");
        driver.findElement(By.name("key")).submit();
        By problem = By.cssSelector("[data-role=messages] .problem");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(problem).isEmpty());
        assertThat(driver.findElement(problem).getText()).isNotBlank();
        assertThat(js("return sessionStorage.getItem('snodo.key')")).isNull();
    }

    @Test
    void thePagesAreServedWithAStrictContentSecurityPolicy() {
        var answer = http.getForEntity("/", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
    }
}
