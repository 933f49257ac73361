package dev.latchkey.api.it;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Latchkey web app as a person uses it. Controls are found by their visible label or button text, so a test
 * also fails when a control loses its label.
 */
final class WebApp {
    static final String API_KEYS_TAB = "#/settings/workspace/api-keys";
    private static final By WIZARD = By.cssSelector("dialog.wizard-dialog[open]");

    private final Browser browser;

    WebApp(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    /** Signs in through the sign-in page and waits for the API keys tab (the page after sign-in). */
    void signIn(String email, String password) {
        browser.openSignedOut(API_KEYS_TAB);
        field("Email").sendKeys(email);
        field("Password").sendKeys(password);
        button("Sign in").click();
        browser.find(By.cssSelector("[data-testid='signed-in-person']"));
        browser.find(By.cssSelector(".tab[aria-current='page']"));
    }

    void signInAsOwner() {
        signIn(LatchkeyServer.OWNER_EMAIL, LatchkeyServer.OWNER_PASSWORD);
    }

    /** The form control whose <label> reads {@code label}, found through the label's {@code for}. */
    WebElement field(String label) {
        WebElement labelElement = browser.find(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        return browser.find(By.id(labelElement.getAttribute("for")));
    }

    /** The visible button whose text is {@code text}; inside an open dialog if one is open. */
    WebElement button(String text) {
        return browser.find(By.xpath(scope() + "//button[normalize-space()=" + literal(text) + "]"));
    }

    boolean hasButton(String text) {
        return !browser
                .driver()
                .findElements(By.xpath(scope() + "//button[normalize-space()=" + literal(text) + "]"))
                .stream()
                .filter(WebElement::isDisplayed)
                .toList()
                .isEmpty();
    }

    /** The top-most open dialog's scope for XPath, or the whole page. */
    private String scope() {
        List<WebElement> dialogs = browser.driver().findElements(By.cssSelector("dialog[open]"));
        return dialogs.isEmpty() ? "" : "(//dialog[@open])[last()]";
    }

    // --- API keys tab -----------------------------------------------------------------------------------------------

    void openApiKeysTab() {
        String page = browser.driver().getCurrentUrl().replaceFirst("#.*$", "");
        // When only the hash would differ, the browser does not load the page again; leaving it first makes it.
        browser.driver().get("about:blank");
        browser.driver().get(page + API_KEYS_TAB);
        browser.find(By.cssSelector(".keys-table, .empty-state"));
    }

    /** The table row of the key named {@code name}, once it is listed. */
    WebElement row(String name) {
        return browser.find(By.xpath("//table[contains(@class,'keys-table')]//tr[.//a[contains(@class,'key-name') "
                + "and normalize-space()=" + literal(name) + "]]"));
    }

    /** The status badge's text in the key's row: Active, Expired or Removed. */
    String statusOf(String name) {
        return row(name).findElement(By.cssSelector(".badge")).getText();
    }

    /** Opens the key's "⋯" menu and picks {@code item}. */
    void rowAction(String name, String item) {
        row(name).findElement(By.cssSelector(".row-menu-button")).click();
        browser.clickable(By.xpath(
                        "//div[@role='menu' and not(@hidden)]//button[normalize-space()=" + literal(item) + "]"))
                .click();
    }

    // --- The wizard -------------------------------------------------------------------------------------------------

    /** Clicks Generate API key and waits for the details step. */
    WebElement openWizard() {
        button("Generate API key").click();
        awaitStep(1);
        browser.await(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//dialog[@open]//label[normalize-space()" + "='API key name']")));
        return browser.find(WIZARD);
    }

    /** Waits until the wizard shows step {@code number} (1 details, 2 scopes, 3 store). */
    void awaitStep(int number) {
        browser.find(By.cssSelector("dialog.wizard-dialog[open][data-step='" + number + "'] "
                + ".step[aria-current='step']:nth-child(" + number + ")"));
    }

    /** Fills the details step; {@code expiration} is the drop-down's visible text ("1 day", "Custom", ...). */
    void fillDetails(String name, String expiration) {
        WebElement nameField = field("API key name");
        nameField.clear();
        nameField.sendKeys(name);
        new Select(field("Expiration")).selectByVisibleText(expiration);
    }

    /** Sets the Custom date-time picker (the page runs in UTC) the way the picker itself would. */
    void setCustomExpiry(Instant at) {
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
        browser.script(
                "const input = arguments[0]; input.value = arguments[1];"
                        + "input.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "input.dispatchEvent(new Event('change', {bubbles: true}));",
                field("Expires on"),
                local);
    }

    /** Ticks the scope checkboxes whose labels start with the given titles ("Read users", ...). */
    void chooseScopes(String... titles) {
        for (String title : titles) {
            WebElement label = browser.find(By.xpath(
                    "//dialog[@open]//fieldset//label[starts-with(normalize-space(), " + literal(title + ":") + ")]"));
            browser.driver().findElement(By.id(label.getAttribute("for"))).click();
        }
    }

    /** Walks details and scopes with defaults and stops at the store step. */
    void generateUpToStore(String name, String... scopeTitles) {
        openWizard();
        fillDetails(name, "1 day");
        button("Next").click();
        awaitStep(2);
        chooseScopes(scopeTitles);
        button("Next").click();
        awaitStep(3);
    }

    /** The error message shown next to the field labelled {@code label}, once there is one. */
    String errorAt(String label) {
        WebElement control = field(label);
        browser.await(driver -> "true".equals(control.getAttribute("aria-invalid")));
        String describedBy = control.getAttribute("aria-describedby");
        return browser.driver().findElements(By.cssSelector(".field-error")).stream()
                .filter(error -> describedBy.contains(error.getAttribute("id")) && error.isDisplayed())
                .map(WebElement::getText)
                .findFirst()
                .orElseThrow(() -> new AssertionError(label + " is marked invalid but shows no message"));
    }

    /** XPath string literal for text that may contain quotes. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
