package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The whole life of a key in a real browser: generate it, use it, change it, delete it. */
@ExtendWith(LatchkeyServerExtension.class)
class WebAppJourneyIT {
    private static Browser browser;
    private static WebApp app;
    private Api api;

    @TempDir
    Path vaultDirectory;

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
    }

    @Test
    void generatesAKeyWithCustomExpiryUsesItChangesAScopeAndDeletesIt() {
        Credential.Bearer owner = api.owner();
        String name = "Browser journey " + UUID.randomUUID().toString().substring(0, 8);
        // The server's clock may have been moved forward by other tests; the custom date must suit the server.
        Instant expiresAt = serverNow(owner).plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String vaultName = "Team files " + UUID.randomUUID().toString().substring(0, 8);
        String vaultId = fileVault(owner, vaultName);

        app.signInAsOwner();
        browser.screenshot("api-keys-tab");
        app.openWizard();
        app.fillDetails(name, "Custom");
        app.setCustomExpiry(expiresAt);
        browser.screenshot("wizard-1-details");
        app.button("Next").click();

        app.awaitStep(2);
        app.chooseScopes("Read users", "Read activities", "Read integrations");
        browser.screenshot("wizard-2-scopes");
        app.button("Next").click();

        app.awaitStep(3);
        WebElement keyValue = browser.find(By.cssSelector("[data-testid='api-key-value']"));
        assertThat(keyValue.getText())
                .as("the key is masked until revealed")
                .startsWith("lk_")
                .contains("•");
        browser.screenshot("wizard-3-store");

        new Select(app.field("Select vault")).selectByVisibleText(vaultName);
        app.button("Save in Latchkey").click();
        browser.find(By.xpath("//dialog[@open]//h3[normalize-space()='Save your API key in Latchkey?']"));
        assertThat(browser.find(By.cssSelector("[data-testid='confirm-vault-name']"))
                        .getText())
                .isEqualTo(vaultName);
        browser.screenshot("wizard-3-store-confirm-vault");
        app.button("Save").click();
        assertThat(browser.find(By.cssSelector("[data-testid='saved-in']")).getText())
                .startsWith("Saved in " + vaultName);
        browser.screenshot("wizard-3-store-saved");
        String savedPath = savedPath();

        app.button("Copy").click();
        browser.find(By.xpath("//*[contains(@class,'copy-status') and normalize-space()='Copied to the clipboard.']"));
        String plaintext = clipboard();
        assertThat(plaintext).matches("lk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
        app.button("Reveal").click();
        // Saving re-rendered the step, so the key's element is looked up again.
        assertThat(browser.find(By.cssSelector("[data-testid='api-key-value']")).getText())
                .isEqualTo(plaintext);
        assertThat(api.get("/api/v1/whoami", Api.key(plaintext)).status())
                .as("the key works only after Done")
                .isEqualTo(401);

        WebElement done = app.button("Done");
        assertThat(done.isEnabled()).isFalse();
        app.field("I have stored the key in a safe place").click();
        browser.screenshot("wizard-4-acknowledge");
        done.click();
        browser.await(
                driver -> driver.findElements(By.cssSelector("dialog[open]")).isEmpty());

        assertThat(app.statusOf(name)).isEqualTo("Active");
        browser.screenshot("api-keys-tab-with-key");
        assertThat(pageStorageAndAddress())
                .as("the key is kept in page memory only")
                .doesNotContain(plaintext);

        Reply whoami = api.get("/api/v1/whoami", Api.key(plaintext));
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.attributes().path("scopes"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("read:users", "read:activities", "read:integrations");
        String keyId = whoami.attributes().path("apiKeyId").asText();
        assertThat(Instant.parse(api.get("/api/v1/api-keys/" + keyId, owner)
                        .attributes()
                        .path("expiresAt")
                        .asText()))
                .isEqualTo(expiresAt);
        Reply vaultSecret = api.get("/api/v1/vaults/" + vaultId + "/secrets/" + savedPath, owner);
        assertThat(vaultSecret.status()).as(vaultSecret.body()).isEqualTo(200);
        assertThat(vaultSecret.attributes().path("metadata").path("apiKeyId").asText())
                .isEqualTo(keyId);

        app.rowAction(name, "API key settings");
        WebElement readUsers = browser.find(By.xpath("//label[contains(@class,'switch-label')]"
                + "[.//span[@class='scope-title' and normalize-space()='Read users']]"));
        assertThat(browser.driver()
                        .findElement(By.id(readUsers.getAttribute("for")))
                        .isSelected())
                .isTrue();
        readUsers.click();
        assertThat(browser.find(By.cssSelector("[data-testid='scope-feedback'].alert-success"))
                        .getText())
                .startsWith("Scopes saved: Read users is off.");
        browser.screenshot("api-key-settings");
        assertThat(api.get("/api/v1/users", Api.key(plaintext)).status())
                .as("the key lost read:users")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/activities", Api.key(plaintext)).status()).isEqualTo(200);

        app.openApiKeysTab();
        app.rowAction(name, "Delete API key");
        browser.find(By.xpath("//dialog[@open]//h2[normalize-space()='Delete API key?']"));
        browser.screenshot("delete-api-key");
        app.button("Delete API key").click();
        browser.await(driver -> app.statusOf(name).equals("Removed"));
        assertThat(api.get("/api/v1/whoami", Api.key(plaintext)).status()).isEqualTo(401);
    }

    /** A second, non-default vault on a new file integration. */
    private String fileVault(Credential.Bearer owner, String name) {
        Reply integration = api.post(
                "/api/v1/integrations",
                owner,
                Map.of(
                        "type",
                        "file",
                        "name",
                        name + " files",
                        "config",
                        Map.of("directory", vaultDirectory.resolve("store").toString())));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        Reply vault = api.post(
                "/api/v1/vaults",
                owner,
                Map.of(
                        "name",
                        name,
                        "integrationId",
                        integration.data().path("id").asText()));
        assertThat(vault.status()).as(vault.body()).isEqualTo(201);
        assertThat(vault.attributes().path("isDefault").asBoolean()).isFalse();
        return vault.data().path("id").asText();
    }

    /** The vault path the page reported, e.g. {@code api-keys/key-...}. */
    private static String savedPath() {
        String text = browser.find(By.cssSelector("[data-testid='saved-in']")).getText();
        return text.replaceFirst("(?s).* at (\\S+), version .*", "$1");
    }

    /** The server's time, read from a wizard started and cancelled at once. */
    private Instant serverNow(Credential.Bearer owner) {
        Reply started = api.post("/api/v1/api-key-wizards", owner, null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(api.delete(
                                "/api/v1/api-key-wizards/"
                                        + started.data().path("id").asText(),
                                owner)
                        .status())
                .isEqualTo(200);
        return Instant.parse(started.attributes().path("startedAt").asText());
    }

    /** What the Copy button put on the clipboard, read back through the page (permission granted for the test). */
    private static String clipboard() {
        browser.grantClipboardAccess();
        return (String) browser.asyncScript("navigator.clipboard.readText().then(arguments[0], "
                + "error => arguments[0]('clipboard unreadable: ' + error))");
    }

    /** Everything the page keeps outside its memory: both storages and the address. */
    private static String pageStorageAndAddress() {
        return browser.script("return JSON.stringify({session: {...sessionStorage}, local: {...localStorage}, "
                        + "url: location.href, cookies: document.cookie})")
                .toString();
    }
}
