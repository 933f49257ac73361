package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Uses Swagger UI as a person would, in Debian's headless Chromium: authorize with a fresh API key, "Try it out" on
 * whoami, and read the 200 on the page. Leaves a screenshot in target/swagger-ui-whoami.png.
 */
@ExtendWith(LatchkeyServerExtension.class)
class SwaggerUiIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assertThat(CHROMIUM)
                .as("install it with: apt-get install -y chromium chromium-driver")
                .isExecutable();
        assertThat(CHROMEDRIVER)
                .as("install it with: apt-get install -y chromium chromium-driver")
                .isExecutable();
        profile = Files.createTempDirectory("swagger-ui-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // Without these, Chromium reaches for the network (updates, sync) at every start.
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,1600",
                        "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void authorizedWithAFreshKeyTryItOutOnWhoamiShows200(LatchkeyServer server) throws IOException {
        Api api = new Api(server);
        Api.IssuedKey key = api.issue(api.owner(), List.of("read:users"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get(server.uri("/swagger-ui/").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize")))
                .click();
        WebElement keyInput = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'apiKey')]]//input")));
        keyInput.sendKeys(key.plaintext());
        browser.findElement(By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'apiKey')]]"
                        + "//button[contains(@class,'authorize')]"))
                .click();
        browser.findElement(By.cssSelector("button.btn-done")).click();

        WebElement whoami = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Identity-whoami .opblock-summary-control")));
        whoami.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#operations-Identity-whoami button.try-out__btn")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#operations-Identity-whoami button.execute")))
                .click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Identity-whoami .live-responses-table .response .response-col_status")));
        WebElement body = browser.findElement(
                By.cssSelector("#operations-Identity-whoami .live-responses-table .response-col_description pre"));
        saveScreenshot(whoami);

        assertThat(status.getText()).isEqualTo("200");
        assertThat(body.getText()).contains("\"authenticatedWith\": \"api_key\"", key.id());
        assertThat(body.getText()).doesNotContain(key.plaintext());
        // The screenshot shows the key in Swagger UI's curl line: make sure it is worthless.
        assertThat(api.delete("/api/v1/api-keys/" + key.id(), api.owner()).status())
                .isEqualTo(200);
    }

    private void saveScreenshot(WebElement operation) throws IOException {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView(true);", operation);
        Path target = Path.of(System.getProperty("latchkey.it.screenshots", "target"), "swagger-ui-whoami.png");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
