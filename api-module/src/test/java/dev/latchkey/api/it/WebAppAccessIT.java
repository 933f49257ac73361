package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Who may reach what in the web app, signing in and out, the keyboard alone, and the phone layout. */
@ExtendWith(LatchkeyServerExtension.class)
class WebAppAccessIT {
    private static Browser browser;
    private static WebApp app;
    private Api api;

    @BeforeAll
    static void startBrowser(LatchkeyServer server) {
        browser = Browser.start(server.baseUri());
        app = new WebApp(browser);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
        browser.resize(Browser.DESKTOP);
    }

    @Test
    void aWorkspaceUserSeesWhyTheTabIsClosedAndCannotStartTheWizard() {
        String email = "web-user-" + UUID.randomUUID() + "@latchkey.test";
        String password = "a-long-password-" + UUID.randomUUID();
        Api.Reply created = api.post(
                "/api/v1/users",
                api.owner(),
                Map.of("email", email, "name", "Wendy User", "role", "workspace_user", "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        app.signIn(email, password);
        assertThat(browser.find(By.cssSelector("[data-testid='not-allowed']")).getText())
                .contains("Your role does not let you see and generate API keys.")
                .contains("You are signed in as a User.");
        // The page decides by the server's answer: whoami, asked with this page's own token, grants no keys table.
        assertThat(pagePermissions()).contains("whoami").doesNotContain("list_api_keys", "start_wizard");
        assertThat(app.hasButton("Generate API key")).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector(".keys-table"))).isEmpty();
        browser.screenshot("api-keys-tab-workspace-user");

        // Even a hand-made request from this page, with this person's own token, is refused by the server.
        Object status = browser.asyncScript("fetch('/api/v1/api-key-wizards', {method: 'POST', headers: "
                + "{Authorization: 'Bearer ' + sessionStorage.getItem('latchkey.token')}})"
                + ".then(r => arguments[0](r.status), e => arguments[0](String(e)))");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    void whatThePageOffersFollowsTheServersCurrentAnswer() {
        String email = "web-admin-" + UUID.randomUUID() + "@latchkey.test";
        String password = "a-long-password-" + UUID.randomUUID();
        Api.Reply created = api.post(
                "/api/v1/users",
                api.owner(),
                Map.of("email", email, "name", "Abe Admin", "role", "workspace_admin", "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String userId = created.data().path("id").asText();
        Api.IssuedKey ownersKey = api.issue(api.owner(), List.of("read:users"));
        Api.IssuedKey abesKey = api.issue(api.signIn(email, password), List.of("read:users"));

        app.signIn(email, password);
        assertThat(pagePermissions())
                .contains("list_api_keys", "remove_api_key")
                .doesNotContain("remove_others_api_keys");
        assertThat(app.hasButton("Generate API key")).isTrue();
        assertThat(deleteEnabled(abesKey.id()))
                .as("an Admin may delete their own key")
                .isTrue();
        assertThat(deleteEnabled(ownersKey.id())).as("but not the Owner's").isFalse();

        // Demoted while signed in: the next page load asks the server again and closes the tab, with no new sign-in.
        assertThat(api.patch("/api/v1/users/" + userId, api.owner(), Map.of("role", "workspace_user"))
                        .status())
                .isEqualTo(200);
        browser.driver().navigate().refresh();
        assertThat(browser.find(By.cssSelector("[data-testid='not-allowed']")).getText())
                .contains("You are signed in as a User.");
        assertThat(pagePermissions()).doesNotContain("list_api_keys");
        assertThat(app.hasButton("Generate API key")).isFalse();
    }

    @Test
    void onlyTheKeysCreatorCanSwitchItsScopes() {
        String email = "web-admin-" + UUID.randomUUID() + "@latchkey.test";
        String password = "a-long-password-" + UUID.randomUUID();
        Api.Reply created = api.post(
                "/api/v1/users",
                api.owner(),
                Map.of("email", email, "name", "Ada Admin", "role", "workspace_admin", "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.IssuedKey adasKey = api.issue(api.signIn(email, password), List.of("read:users"));

        app.signInAsOwner();
        browser.driver()
                .get(browser.driver().getCurrentUrl().replaceFirst("#.*$", "") + WebApp.API_KEYS_TAB + "/"
                        + adasKey.id());
        assertThat(browser.find(By.xpath("//p[normalize-space()='Only Ada Admin, who created this key, can change "
                                + "its scopes.']"))
                        .isDisplayed())
                .isTrue();
        List<WebElement> switches = browser.driver().findElements(By.cssSelector("input[role='switch']"));
        assertThat(switches).hasSize(9).noneMatch(WebElement::isEnabled);
        assertThat(switches)
                .filteredOn(WebElement::isSelected)
                .extracting(s -> s.getAttribute("value"))
                .containsExactly("read:users");
        browser.screenshot("api-key-settings-read-only");
    }

    @Test
    void aWrongPasswordIsExplainedAndSigningOutEndsTheSession() {
        browser.openSignedOut(WebApp.API_KEYS_TAB);
        app.field("Email").sendKeys(LatchkeyServer.OWNER_EMAIL);
        app.field("Password").sendKeys("not the password");
        app.button("Sign in").click();
        assertThat(browser.find(By.cssSelector(".sign-in-form [role='alert']")).getText())
                .isEqualTo("The email or password is wrong.");
        assertThat(app.field("Password").getAttribute("value"))
                .as("the wrong password is cleared")
                .isEmpty();
        browser.screenshot("sign-in-failed");

        app.signInAsOwner();
        String token = browser.script("return sessionStorage.getItem('latchkey.token')")
                .toString();
        assertThat(api.get("/api/v1/whoami", Api.bearer(token)).status()).isEqualTo(200);
        app.button("Sign out").click();
        assertThat(browser.find(By.cssSelector(".sign-in-card .alert-info")).getText())
                .isEqualTo("You have signed out.");
        assertThat(browser.script("return sessionStorage.getItem('latchkey.token')"))
                .isNull();
        assertThat(api.get("/api/v1/whoami", Api.bearer(token)).status()).isEqualTo(401);
    }

    @Test
    void theWizardAndTheRowMenuWorkWithTheKeyboardAlone() {
        app.signInAsOwner();
        app.button("Generate API key").sendKeys(Keys.ENTER);
        app.awaitStep(1);
        // Step 1 shows "Starting…" until the wizard exists on the server; the form, and its focus, come after.
        WebElement nameField = app.field("API key name");
        browser.await(driver -> nameField.equals(browser.focused()));
        assertThat(browser.focused()).as("focus starts in the name field").isEqualTo(nameField);
        browser.focused()
                .sendKeys("Keyboard only " + UUID.randomUUID().toString().substring(0, 8), Keys.TAB);
        assertThat(browser.focused()).isEqualTo(app.field("Expiration"));
        browser.focused().sendKeys("1 day");
        assertThat(new Select(browser.focused()).getFirstSelectedOption().getText())
                .isEqualTo("1 day");
        tabTo("Next").sendKeys(Keys.ENTER);
        app.awaitStep(2);
        WebElement firstScope = browser.focused();
        assertThat(firstScope.getAttribute("type")).isEqualTo("checkbox");
        firstScope.sendKeys(Keys.SPACE);
        assertThat(firstScope.isSelected()).isTrue();
        tabTo("Next").sendKeys(Keys.ENTER);
        app.awaitStep(3);
        browser.focused().sendKeys(Keys.ESCAPE);
        app.button("Cancel and close").sendKeys(Keys.ENTER);
        browser.await(
                driver -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());
        assertThat(browser.focused().getText())
                .as("focus returns to the opener")
                .isEqualTo("Generate API key");

        api.issue(api.owner(), List.of("read:users"));
        app.openApiKeysTab();
        WebElement menuButton = browser.find(By.cssSelector(".keys-table tbody tr .row-menu-button"));
        menuButton.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).isEqualTo("API key settings");
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).isEqualTo("Delete API key");
        browser.focused().sendKeys(Keys.ESCAPE);
        assertThat(browser.focused()).isEqualTo(menuButton);
        assertThat(menuButton.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void onAPhoneTheNavigationFoldsAndNothingScrollsSideways() {
        api.issue(api.owner(), List.of("read:users"));
        browser.resize(Browser.PHONE);
        app.signInAsOwner();
        WebElement navigation = browser.driver().findElement(By.id("side-navigation"));
        assertThat(navigation.isDisplayed()).isFalse();
        assertNoSidewaysScrolling();
        browser.screenshot("phone-api-keys-tab");

        browser.clickable(By.cssSelector("button[aria-label='Menu'][aria-controls='side-navigation']"))
                .click();
        assertThat(navigation.isDisplayed()).isTrue();
        navigation.findElement(By.linkText("Workspace configuration")).click();
        browser.await(driver -> !navigation.isDisplayed());

        WebElement wizard = app.openWizard();
        assertThat(wizard.getRect().getWidth())
                .as("the dialog fills the screen")
                .isEqualTo(Browser.PHONE.width);
        assertNoSidewaysScrolling();
        browser.screenshot("phone-wizard-1-details");
        app.button("Cancel").click();
        app.button("Cancel and close").click();
    }

    /** The signed-in page's whoami permissions, fetched with the page's own token. */
    @SuppressWarnings("unchecked")
    private static List<String> pagePermissions() {
        return (List<String>) browser.asyncScript("fetch('/api/v1/whoami', {headers: "
                + "{Authorization: 'Bearer ' + sessionStorage.getItem('latchkey.token')}})"
                + ".then(r => r.json()).then(d => arguments[0](d.data.attributes.permissions), "
                + "e => arguments[0]([String(e)]))");
    }

    /** Whether the "Delete API key" entry of a key's row menu is offered (the menu is opened, then closed again). */
    private static boolean deleteEnabled(String keyId) {
        WebElement menuButton =
                browser.find(By.cssSelector(".keys-table tr[data-key-id='" + keyId + "'] " + ".row-menu-button"));
        menuButton.click();
        // The menu keeps a refused entry focusable for arrow keys and marks it aria-disabled.
        boolean enabled = !"true"
                .equals(browser.find(By.xpath("//div[@role='menu' and not(@hidden)]"
                                + "//button[normalize-space()='Delete API key']"))
                        .getAttribute("aria-disabled"));
        menuButton.click();
        browser.await(driver -> "false".equals(menuButton.getAttribute("aria-expanded")));
        return enabled;
    }

    /** Presses Tab until the button labelled {@code text} has focus (a bounded number of times). */
    private static WebElement tabTo(String text) {
        for (int presses = 0; presses < 20; presses++) {
            if (browser.focused().getText().equals(text)) {
                return browser.focused();
            }
            browser.focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + text);
    }

    private static void assertNoSidewaysScrolling() {
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth"));
    }
}
