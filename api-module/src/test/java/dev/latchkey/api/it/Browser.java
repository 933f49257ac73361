package dev.latchkey.api.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver, one per browser test class. It never downloads a browser
 * or driver: both come from {@code apt-get install chromium chromium-driver}, which {@code .ci/run} performs.
 */
final class Browser implements AutoCloseable {
    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final URI baseUri;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, URI baseUri, Path profile, Path screenshots) {
        this.driver = driver;
        this.baseUri = baseUri;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts Chromium at desktop size with a fresh profile; fails with the install command if it is missing. */
    static Browser start(URI baseUri) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: browser tests need "
                        + "'apt-get install -y chromium chromium-driver' (.ci/run does this)");
            }
        }
        Path profile = createTempDirectory();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without these flags Chromium phones home for updates, sync and field trials at every start.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // One time zone for the test JVM and the page, so custom expiry dates mean the same to both.
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Path screenshots = Path.of(System.getProperty("latchkey.it.screenshots", "target/screenshots"));
        Browser browser = new Browser(driver, baseUri, profile, screenshots);
        browser.resize(DESKTOP);
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the web app at {@code hash} (e.g. {@code #/settings/workspace/api-keys}) with no one signed in. */
    void openSignedOut(String hash) {
        driver.get(baseUri.toString());
        driver.executeScript("sessionStorage.clear()");
        // Leaving the page first makes the next load a fresh start even when only the hash would differ.
        driver.get("about:blank");
        driver.get(baseUri + hash);
    }

    /** Sets the viewport (not the window) to {@code size}, as a person's screen would be. */
    void resize(Dimension size) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
    }

    WebElement find(By locator) {
        return await(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return await(ExpectedConditions.elementToBeClickable(locator));
    }

    <T> T await(Function<? super WebDriver, T> condition) {
        // A page that re-renders replaces elements while a condition looks at them; that is "not yet", not failure.
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs {@code script}, which must call its last argument with the result. */
    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** Lets the page read the clipboard, so a test can check what a Copy button put there. */
    void grantClipboardAccess() {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        baseUri.toString().replaceFirst("/$", ""),
                        "permissions",
                        List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    /** Saves what the page shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("latchkey-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the test result must not depend on it.
        }
    }
}
