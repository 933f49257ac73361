package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import dev.latchkey.vault.env.EnvVaultProviderFactory;
import dev.latchkey.vault.file.FileVaultProviderFactory;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Vault plugins end to end: saving wizard keys in every kind of vault, plan and apply, secrecy, broken plugins. */
@ExtendWith(LatchkeyServerExtension.class)
class VaultsIT {
    private Api api;
    private LatchkeyServer server;
    private Credential.Bearer owner;

    @TempDir
    Path outside;

    @BeforeEach
    void connect(LatchkeyServer started) {
        server = started;
        api = new Api(started);
        owner = api.owner();
    }

    @Test
    void localVaultExistsOutOfTheBoxAndTheWizardSavesIntoIt() {
        String local = vaultNamed("Local vault");
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();

        Reply options = api.get(wizard + "/vault-options", owner);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.data().path(0).path("id").asText())
                .as("the default comes first")
                .isEqualTo(local);
        assertThat(options.data().path(0).path("attributes").path("provider").asText())
                .isEqualTo("local-db");

        Reply saved = api.post(wizard + "/vault-secret", owner, Map.of("vaultId", local, "apiKey", key.plaintext()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.body()).doesNotContain(key.plaintext().substring(16));
        assertThat(saved.attributes().path("step").asText()).isEqualTo("store");
        JsonNode placement = saved.attributes().path("savedIn").path(0);
        assertThat(placement.path("vaultName").asText()).isEqualTo("Local vault");
        assertThat(placement.path("version").asLong()).isEqualTo(1);
        String path = placement.path("path").asText();
        assertThat(path).startsWith("api-keys/key-").endsWith("-" + key.id());

        // Read back through the local-db plugin inside the server: it decrypts the version, only metadata comes out.
        Reply stored = api.get("/api/v1/vaults/" + local + "/secrets/" + path, owner);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.attributes().path("metadata").path("apiKeyId").asText())
                .isEqualTo(key.id());
        assertThat(stored.attributes().path("metadata").path("expiresAt").asText())
                .isNotBlank();
        assertThat(stored.body()).doesNotContain(key.plaintext().substring(16));

        assertThat(api.get("/api/v1/whoami", key.credential()).status())
                .as("saving does not acknowledge")
                .isEqualTo(401);
        assertThat(api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(wizard + "/vault-secret", owner, Map.of("vaultId", local, "apiKey", key.plaintext()))
                        .errorCode())
                .isEqualTo("wizard_step_conflict");
    }

    @Test
    void fileVaultHoldsTheKeyReadableThroughThePlugin() throws IOException {
        String encryptionKey = randomKey();
        Path directory = outside.resolve("file-store");
        String vault = vaultOn("file", Map.of("directory", directory.toString(), "encryption_key", encryptionKey));

        SavedKey saved = saveNewKeyIn(vault);

        assertThat(readThroughPlugin(
                        new FileVaultProviderFactory(),
                        Map.of("directory", directory.toString(), "encryption_key", encryptionKey),
                        saved.path()))
                .isEqualTo(saved.plaintext());
    }

    @Test
    void envVaultHoldsTheKeyReadableThroughThePlugin() throws IOException {
        String historyKey = randomKey();
        Path file = outside.resolve("keys.env");
        Map<String, String> config =
                Map.of("file", file.toString(), "history_key", historyKey, "read_environment", "false");
        String vault = vaultOn("env", config);

        SavedKey saved = saveNewKeyIn(vault);

        assertThat(readThroughPlugin(new EnvVaultProviderFactory(), config, saved.path()))
                .isEqualTo(saved.plaintext());
        assertThat(Files.readString(file)).contains(saved.plaintext());
    }

    @Test
    void externalKeystorePluginLoadsFromThePluginsDirectoryAndKeytoolSeesTheEntry() throws Exception {
        Reply providers = api.get("/api/v1/vault-providers", owner);
        assertThat(providers.data().findValuesAsText("id"))
                .contains("local-db", "file", "env", "pkcs12-keystore")
                .doesNotContain(TestPlugins.BROKEN_ID);
        Path keystore = outside.resolve("secrets.p12");
        String password = "keystore-pass-" + UUID.randomUUID();
        String vault = vaultOn("pkcs12-keystore", Map.of("keystore", keystore.toString(), "password", password));

        SavedKey saved = saveNewKeyIn(vault);

        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-list",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password)
                .redirectErrorStream(true)
                .start();
        String listing = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(listing).isZero();
        assertThat(listing)
                .contains("1 entry")
                .containsIgnoringCase(saved.path().substring(0, 20));
    }

    @Test
    void planShowsCreateUpdateReplaceAndNoOpAndAppliesNothing() {
        String name = "Planned " + UUID.randomUUID();
        Map<String, String> config = Map.of("directory", outside.resolve("a").toString(), "max_versions", "5");

        Reply create =
                api.post("/api/v1/integrations/plan", owner, Map.of("type", "file", "name", name, "config", config));
        assertThat(create.status()).as(create.body()).isEqualTo(200);
        assertThat(create.attributes().path("action").asText()).isEqualTo("create");
        assertThat(create.attributes().path("changes").findValuesAsText("pointer"))
                .contains("/name", "/config/directory", "/config/max_versions");
        assertThat(api.get("/api/v1/integrations", owner).body())
                .as("a plan applies nothing")
                .doesNotContain(name);

        String id = createIntegration("file", name, config);
        assertThat(plan(id, config).path("action").asText()).isEqualTo("no-op");
        JsonNode update = plan(id, Map.of("directory", outside.resolve("a").toString(), "max_versions", "7"));
        assertThat(update.path("action").asText()).isEqualTo("update");
        assertThat(update.path("changes").path(0).path("before").asText()).isEqualTo("5");
        assertThat(update.path("changes").path(0).path("after").asText()).isEqualTo("7");
        JsonNode replace = plan(id, Map.of("directory", outside.resolve("b").toString(), "max_versions", "5"));
        assertThat(replace.path("action").asText()).isEqualTo("replace");
        assertThat(replace.path("changes").path(0).path("forcesReplacement").asBoolean())
                .isTrue();
        Reply unchanged = api.get("/api/v1/integrations/" + id, owner);
        assertThat(unchanged.attributes().path("config").path("max_versions").asText())
                .isEqualTo("5");
        assertThat(unchanged.attributes().path("generation").asInt()).isEqualTo(1);

        Reply replaced = api.patch(
                "/api/v1/integrations/" + id,
                owner,
                Map.of("config", Map.of("directory", outside.resolve("b").toString(), "max_versions", "5")));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.attributes().path("generation").asInt()).isEqualTo(2);
        assertThat(replaced.attributes().path("health").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void invalidConfigReturnsDiagnosticsAtTheirAttributePaths() {
        Map<String, Object> body =
                Map.of("type", "file", "name", "", "config", Map.of("max_versions", "lots", "colour", "blue"));
        for (String path : List.of("/api/v1/integrations/plan", "/api/v1/integrations")) {
            Reply invalid = api.post(path, owner, body);
            assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
            assertThat(invalid.json().path("errors").findValuesAsText("pointer"))
                    .containsExactlyInAnyOrder("/name", "/config/max_versions", "/config/colour");
        }
        Reply wrongType = api.post("/api/v1/integrations", owner, Map.of("type", "ftp", "name", "x"));
        assertThat(wrongType.errorCode()).isEqualTo("unknown_provider");
    }

    @Test
    void sensitiveValuesNeverComeBackNorReachTheLogOrTheDatabaseInPlainText() {
        String password = "do-not-show-" + UUID.randomUUID();
        String name = "Secretive " + UUID.randomUUID();
        Map<String, String> config = Map.of("keystore", outside.resolve("s.p12").toString(), "password", password);
        Reply plan = api.post(
                "/api/v1/integrations/plan", owner, Map.of("type", "pkcs12-keystore", "name", name, "config", config));
        String id = createIntegration("pkcs12-keystore", name, config);
        Reply changed = api.post(
                "/api/v1/integrations/plan",
                owner,
                Map.of(
                        "id",
                        id,
                        "config",
                        Map.of("keystore", outside.resolve("s.p12").toString(), "password", "x" + password)));

        assertThat(changed.attributes().path("changes").path(0).path("after").asText())
                .isEqualTo("(sensitive)");
        Reply one = api.get("/api/v1/integrations/" + id, owner);
        assertThat(one.attributes().path("sensitiveAttributes").get(0).asText()).isEqualTo("password");
        for (String body : List.of(
                plan.body(),
                changed.body(),
                one.body(),
                api.get("/api/v1/integrations", owner).body(),
                api.get("/api/v1/activities?page[size]=100", owner).body())) {
            assertThat(body).doesNotContain(password);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dataFilesContain(name));
        assertThat(dataFilesContain(password))
                .as("password in the data directory")
                .isFalse();
        assertThat(server.log()).doesNotContain(password);
    }

    @Test
    void pluginThatThrowsFailsOnlyItsOwnRequestsAndIsReportedDown() {
        String faulty = vaultOn(TestPlugins.FAULTY_ID, Map.of());
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();

        Reply failed = api.post(wizard + "/vault-secret", owner, Map.of("vaultId", faulty, "apiKey", key.plaintext()));

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.errorCode()).isEqualTo("vault_unavailable");
        assertThat(failed.errorDetail()).contains("'faulty-vault'", "failed to write the secret");
        assertThat(failed.body()).doesNotContain(key.plaintext().substring(16));
        Reply stillAtStore = api.get(wizard, owner);
        assertThat(stillAtStore.attributes().path("step").asText()).isEqualTo("store");
        assertThat(stillAtStore.attributes().path("savedIn")).isEmpty();
        Reply health = api.get("/api/v1/integrations/" + integrationOf(faulty), owner);
        assertThat(health.attributes().path("health").path("status").asText()).isEqualTo("DOWN");
        assertThat(api.get("/api/v1/ping", Credential.NONE).status()).isEqualTo(200);
        assertThat(api.post(
                                wizard + "/vault-secret",
                                owner,
                                Map.of("vaultId", vaultNamed("Local vault"), "apiKey", key.plaintext()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void everyEndpointRefusesCallersItDoesNotAllow() {
        Credential.Bearer member = api.newPerson("workspace_user");
        Api.IssuedKey reader = api.issue(owner, List.of("read:integrations"));
        Api.IssuedKey writer = api.issue(owner, List.of("write:integrations"));

        assertThat(api.get("/api/v1/vaults", Credential.NONE).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/integrations", member).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/vault-providers", member).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/integrations", reader.credential()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/vaults", reader.credential()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/vaults", writer.credential()).errorCode()).isEqualTo("scope_required");
        Map<String, Object> plan = Map.of("type", "file", "name", "By key " + UUID.randomUUID());
        assertThat(api.post("/api/v1/integrations/plan", reader.credential(), plan)
                        .errorCode())
                .isEqualTo("scope_required");
        assertThat(api.post("/api/v1/integrations/plan", writer.credential(), plan)
                        .status())
                .isEqualTo(200);

        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        Credential.Bearer otherAdmin = api.newPerson("workspace_admin");
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();
        assertThat(api.get(wizard + "/vault-options", otherAdmin).status()).isEqualTo(404);
        assertThat(api.post(
                                wizard + "/vault-secret",
                                otherAdmin,
                                Map.of("vaultId", vaultNamed("Local vault"), "apiKey", key.plaintext()))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                wizard + "/vault-secret",
                                writer.credential(),
                                Map.of("vaultId", vaultNamed("Local vault"), "apiKey", key.plaintext()))
                        .errorCode())
                .isEqualTo("bearer_token_required");
    }

    @Test
    void wrongKeyUnknownVaultDisabledVaultAndIntegrationInUseAreRefused() {
        String vault = vaultOn("file", Map.of("directory", outside.resolve("d").toString()));
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();

        Reply invalid = api.post(
                wizard + "/vault-secret",
                owner,
                Map.of("vaultId", UUID.randomUUID().toString(), "apiKey", key.plaintext() + "x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("code"))
                .containsExactlyInAnyOrder("api_key_mismatch", "unknown_vault");
        assertThat(api.patch("/api/v1/vaults/" + vault, owner, Map.of("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(wizard + "/vault-secret", owner, Map.of("vaultId", vault, "apiKey", key.plaintext()))
                        .errorCode())
                .isEqualTo("vault_disabled");
        Reply inUse = api.delete("/api/v1/integrations/" + integrationOf(vault), owner);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorCode()).isEqualTo("integration_in_use");
    }

    @Test
    void secretMetadataIsHiddenFromWhoeverCannotSeeTheItem() {
        String local = vaultNamed("Local vault");
        SavedKey saved = saveNewKeyIn(local);
        Credential.Bearer otherAdmin = api.newPerson("workspace_admin");

        assertThat(api.get("/api/v1/vaults/" + local + "/secrets/" + saved.path(), owner)
                        .status())
                .isEqualTo(200);
        Reply hidden = api.get("/api/v1/vaults/" + local + "/secrets/" + saved.path(), otherAdmin);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(hidden.errorCode()).isEqualTo("secret_not_found");
        assertThat(hidden.body()).doesNotContain(saved.path());
    }

    @Test
    void envVaultDoesNotTellWhichEnvironmentVariablesTheServerHas() {
        String env = vaultOn(
                "env",
                Map.of(
                        "file",
                        outside.resolve("probe.env").toString(),
                        "history_key",
                        randomKey(),
                        "read_environment",
                        "true"));

        // PATH is set in every server's environment; an unset name must answer the same.
        Reply present = api.get("/api/v1/vaults/" + env + "/secrets/PATH", owner);
        Reply absent = api.get(
                "/api/v1/vaults/" + env + "/secrets/NO_SUCH_VARIABLE_"
                        + UUID.randomUUID().toString().replace('-', '_').toUpperCase(java.util.Locale.ROOT),
                owner);
        assertThat(present.status()).as(present.body()).isEqualTo(404);
        assertThat(absent.status()).as(absent.body()).isEqualTo(404);
        assertThat(present.errorCode()).isEqualTo(absent.errorCode());
    }

    @Test
    void configThatIsNotAnObjectIsA400WithoutAClassName() {
        String integration = integrationOf(vaultNamed("Local vault"));

        for (Object config : List.of(List.of("x"), "x", 3)) {
            Reply refused = api.patch("/api/v1/integrations/" + integration, owner, Map.of("config", config));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("java.", "Exception");
        }
        assertThat(api.get("/api/v1/integrations/" + integration, owner)
                        .attributes()
                        .path("health")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    private record SavedKey(String plaintext, String path) {}

    private SavedKey saveNewKeyIn(String vault) {
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        Reply saved = api.post(
                "/api/v1/api-key-wizards/" + key.wizardId() + "/vault-secret",
                owner,
                Map.of("vaultId", vault, "apiKey", key.plaintext()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return new SavedKey(
                key.plaintext(),
                saved.attributes().path("savedIn").path(0).path("path").asText());
    }

    private String readThroughPlugin(VaultProviderFactory factory, Map<String, String> config, String path)
            throws IOException {
        VaultContext context = VaultContext.withoutDatabase(
                Files.createTempDirectory(outside, "reader"), Clock.systemUTC(), new SecureRandom());
        Result<VaultProvider> opened = factory.configure(config, context);
        assertThat(opened).as(opened.diagnostics().toString()).isInstanceOf(Result.Ok.class);
        try (VaultProvider provider = opened.asOptional().orElseThrow();
                Secret secret = provider.read(SecretPath.parse(path)).orElseThrow()) {
            return secret.value().utf8().orElseThrow();
        }
    }

    private String vaultOn(String provider, Map<String, String> config) {
        String integration = createIntegration(provider, provider + " " + UUID.randomUUID(), config);
        Reply vault = api.post(
                "/api/v1/vaults",
                owner,
                Map.of("name", provider + " vault " + UUID.randomUUID(), "integrationId", integration));
        assertThat(vault.status()).as(vault.body()).isEqualTo(201);
        return vault.data().path("id").asText();
    }

    private String createIntegration(String provider, String name, Map<String, String> config) {
        Reply created =
                api.post("/api/v1/integrations", owner, Map.of("type", provider, "name", name, "config", config));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.data().path("id").asText();
    }

    private JsonNode plan(String id, Map<String, String> config) {
        Reply plan = api.post("/api/v1/integrations/plan", owner, Map.of("id", id, "config", config));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        return plan.attributes();
    }

    private String vaultNamed(String name) {
        for (JsonNode vault : api.get("/api/v1/vaults", owner).data()) {
            if (vault.path("attributes").path("name").asText().equals(name)) {
                return vault.path("id").asText();
            }
        }
        throw new AssertionError("no vault named " + name);
    }

    private String integrationOf(String vaultId) {
        for (JsonNode vault : api.get("/api/v1/vaults", owner).data()) {
            if (vault.path("id").asText().equals(vaultId)) {
                return vault.path("attributes").path("integrationId").asText();
            }
        }
        throw new AssertionError("no vault " + vaultId);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private boolean dataFilesContain(String needle) {
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
