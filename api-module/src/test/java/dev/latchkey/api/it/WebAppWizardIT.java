package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The Generate API key dialog's rules, as a person meets them in the browser. */
@ExtendWith(LatchkeyServerExtension.class)
class WebAppWizardIT {
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
    void connectAndSignIn(LatchkeyServer server) {
        api = new Api(server);
        app.signInAsOwner();
    }

    @Test
    void nextStaysDisabledUntilTheNameAndExpirationAreGiven() {
        app.openWizard();
        WebElement next = app.button("Next");
        assertThat(next.isEnabled()).as("empty form").isFalse();

        app.fillDetails("   ", "1 day");
        assertThat(next.isEnabled()).as("blank name").isFalse();
        app.field("API key name").sendKeys("Nightly backup");
        assertThat(next.isEnabled()).isTrue();

        app.fillDetails("Nightly backup", "Custom");
        assertThat(next.isEnabled()).as("custom expiry without a date").isFalse();
        app.setCustomExpiry(Instant.now().plus(2, ChronoUnit.DAYS));
        assertThat(next.isEnabled()).isTrue();

        app.field("API key name").clear();
        assertThat(next.isEnabled()).as("name cleared again").isFalse();
    }

    @Test
    void showsTheServersNameTakenErrorAtTheNameField() {
        String taken = "Taken " + UUID.randomUUID().toString().substring(0, 8);
        issueViaApi(api.owner(), taken);

        app.openWizard();
        app.fillDetails(taken.toUpperCase(), "5 days");
        app.button("Next").click();

        assertThat(app.errorAt("API key name"))
                .isEqualTo("Another API key is already named '" + taken.toUpperCase() + "'; choose a different name.");
        assertThat(browser.focused()).as("focus moves to the field in error").isEqualTo(app.field("API key name"));
        assertThat(browser.driver().findElement(By.cssSelector("dialog[open]")).getAttribute("data-step"))
                .isEqualTo("1");
        browser.screenshot("wizard-1-details-error");

        app.field("API key name").sendKeys(" 2");
        app.button("Next").click();
        app.awaitStep(2);
    }

    @Test
    void showsTheServersExpiryErrorAtTheDatePicker() {
        app.openWizard();
        app.fillDetails("Too long " + UUID.randomUUID(), "Custom");
        // Far beyond the workspace's maximum lifetime (two years by default), whatever the server's clock says.
        app.setCustomExpiry(Instant.now().plus(3650, ChronoUnit.DAYS));
        app.button("Next").click();
        assertThat(app.errorAt("Expires on")).startsWith("ExpiresAt may be at most ");
    }

    @Test
    void doneStaysDisabledUntilTheKeyIsDeclaredStoredSafely() {
        String name = "Acknowledged " + UUID.randomUUID().toString().substring(0, 8);
        app.generateUpToStore(name, "Read automations");
        WebElement done = app.button("Done");
        WebElement storedSafely = app.field("I have stored the key in a safe place");
        assertThat(done.isEnabled()).isFalse();
        storedSafely.click();
        assertThat(done.isEnabled()).isTrue();
        storedSafely.click();
        assertThat(done.isEnabled()).as("unticked again").isFalse();
        storedSafely.click();
        done.click();
        browser.await(
                driver -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());
        assertThat(app.statusOf(name)).isEqualTo("Active");
    }

    @Test
    void closingBeforeDoneAsksFirstAndThenCancelsTheWizard() {
        String name = "Abandoned " + UUID.randomUUID().toString().substring(0, 8);
        app.generateUpToStore(name, "Read users");
        String wizardId = currentWizardId();

        browser.focused().sendKeys(Keys.ESCAPE);
        browser.find(By.xpath("//dialog[@open]//h2[normalize-space()='Cancel generating this API key?']"));
        assertThat(browser.focused().getText()).as("the safe choice has focus").isEqualTo("Keep going");
        browser.focused().sendKeys(Keys.ENTER);
        app.awaitStep(3);

        browser.clickable(By.cssSelector("dialog[open] button[aria-label='Close']"))
                .click();
        app.button("Cancel and close").click();
        browser.await(
                driver -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());

        Reply wizard = api.get("/api/v1/api-key-wizards/" + wizardId, api.owner());
        assertThat(wizard.attributes().path("step").asText()).isEqualTo("cancelled");
        assertThat(browser.driver()
                        .findElements(
                                By.xpath("//a[contains(@class,'key-name') and normalize-space()='" + name + "']")))
                .isEmpty();
    }

    @Test
    void hidesTheVaultChoiceWhenOnlyOneVaultIsAvailable() {
        Credential.Bearer owner = api.owner();
        JsonNode vaults = api.get("/api/v1/vaults", owner).data();
        String defaultVault = StreamSupport.stream(vaults.spliterator(), false)
                .filter(vault -> vault.path("attributes").path("isDefault").asBoolean())
                .map(vault -> vault.path("attributes").path("name").asText())
                .findFirst()
                .orElseThrow();
        // Vaults are workspace-wide and other tests add their own: narrow the choice to the default vault for this
        // test only, and enable again exactly the vaults it disabled.
        List<String> disabled = StreamSupport.stream(vaults.spliterator(), false)
                .filter(vault -> vault.path("attributes").path("enabled").asBoolean()
                        && !vault.path("attributes").path("isDefault").asBoolean())
                .map(vault -> vault.path("id").asText())
                .toList();
        disabled.forEach(id -> setEnabled(owner, id, false));
        try {
            app.generateUpToStore("One vault " + UUID.randomUUID().toString().substring(0, 8), "Read users");
            assertThat(browser.driver().findElements(By.xpath("//label[normalize-space()='Select vault']")))
                    .as("no drop-down for a single vault")
                    .isEmpty();
            assertThat(browser.find(By.cssSelector(".vault-section")).getText()).contains(defaultVault);
            browser.screenshot("wizard-3-store-one-vault");
            app.button("Save in Latchkey").click();
            assertThat(browser.find(By.cssSelector("[data-testid='confirm-vault-name']"))
                            .getText())
                    .isEqualTo(defaultVault);
            app.button("Save").click();
            assertThat(browser.find(By.cssSelector("[data-testid='saved-in']")).getText())
                    .startsWith("Saved in " + defaultVault);
            assertThat(app.button("Done").isEnabled())
                    .as("saving is not acknowledging")
                    .isFalse();
        } finally {
            disabled.forEach(id -> setEnabled(owner, id, true));
        }
    }

    private void setEnabled(Credential.Bearer owner, String vaultId, boolean enabled) {
        Reply changed = api.patch("/api/v1/vaults/" + vaultId, owner, Map.of("enabled", enabled));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    /** The wizard the page is driving, read from the requests it made (the page shows no wizard id). */
    private String currentWizardId() {
        Object id = browser.script("const urls = performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(u => u.includes('/api/v1/api-key-wizards/'));"
                + "return urls[urls.length - 1].match(/api-key-wizards\\/([0-9a-f-]{36})/)[1];");
        return id.toString();
    }

    private void issueViaApi(Credential.Bearer owner, String name) {
        String wizard = "/api/v1/api-key-wizards/"
                + api.post("/api/v1/api-key-wizards", owner, null)
                        .data()
                        .path("id")
                        .asText();
        assertThat(api.put(wizard + "/details", owner, Map.of("name", name, "expiration", "1d"))
                        .status())
                .isEqualTo(200);
        assertThat(api.put(wizard + "/scopes", owner, Map.of("scopes", List.of("read:users")))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true))
                        .status())
                .isEqualTo(200);
    }
}
