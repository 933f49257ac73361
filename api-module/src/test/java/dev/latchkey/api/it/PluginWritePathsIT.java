package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that plugins write to stay inside the roots the operator allows (here, the system's temporary directory)
 * and never reach the data directory's own files: the refusal is a 400 naming the attribute and the roots.
 */
@ExtendWith(LatchkeyServerExtension.class)
class PluginWritePathsIT {
    private static final String MASTER_KEY = "platform-master.key";

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
    void envFileCannotOverwriteThePlatformMasterKey() throws IOException {
        Path masterKey = server.dataDir().resolve(MASTER_KEY);
        byte[] before = Files.readAllBytes(masterKey);

        for (String path : List.of("/api/v1/integrations/plan", "/api/v1/integrations")) {
            Reply refused = api.post(
                    path,
                    owner,
                    Map.of(
                            "type",
                            "env",
                            "name",
                            "Overwrite " + UUID.randomUUID(),
                            "config",
                            Map.of("file", masterKey.toString(), "history_key", randomKey())));
            assertRefused(refused, "/config/file");
        }
        assertThat(Files.readAllBytes(masterKey))
                .as("the master key is untouched")
                .isEqualTo(before);
        assertThat(api.get("/api/v1/integrations", owner).body()).doesNotContain("Overwrite ");
    }

    @Test
    void fileDirectoryOutsideTheRootsOrInsideTheDataDirectoryIsRefused() throws IOException {
        Path symlinkToDataDir = Files.createSymbolicLink(outside.resolve("innocent"), server.dataDir());
        List<String> refusedDirectories = List.of(
                "/etc/latchkey-" + UUID.randomUUID(),
                server.dataDir().toString(),
                server.dataDir()
                        .resolve("integrations")
                        .resolve(UUID.randomUUID().toString())
                        .toString(),
                server.dataDir().resolve("plugins").toString(),
                outside.resolve("..").resolve("..").resolve("etc").toString(),
                symlinkToDataDir.resolve("store").toString(),
                "../../../plugins");
        for (String directory : refusedDirectories) {
            Reply refused = api.post(
                    "/api/v1/integrations",
                    owner,
                    Map.of(
                            "type",
                            "file",
                            "name",
                            "Escape " + UUID.randomUUID(),
                            "config",
                            Map.of("directory", directory)));
            assertRefused(refused, "/config/directory");
        }
    }

    @Test
    void changingAnIntegrationToAPathOutsideTheRootsIsRefusedAndKeepsItsConfiguration() {
        Reply created = api.post(
                "/api/v1/integrations",
                owner,
                Map.of(
                        "type",
                        "file",
                        "name",
                        "Allowed " + UUID.randomUUID(),
                        "config",
                        Map.of("directory", outside.resolve("store").toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.data().path("id").asText();

        Reply refused = api.patch(
                "/api/v1/integrations/" + id,
                owner,
                Map.of("config", Map.of("directory", server.dataDir().toString())));

        assertRefused(refused, "/config/directory");
        assertThat(api.get("/api/v1/integrations/" + id, owner)
                        .attributes()
                        .path("config")
                        .path("directory")
                        .asText())
                .isEqualTo(outside.resolve("store").toString());
    }

    @Test
    void relativePathsStayInTheIntegrationsOwnDirectory() {
        Reply created = api.post(
                "/api/v1/integrations",
                owner,
                Map.of(
                        "type",
                        "file",
                        "name",
                        "Relative " + UUID.randomUUID(),
                        "config",
                        Map.of("directory", "store")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.attributes().path("health").path("status").asText()).isEqualTo("UP");
    }

    private static void assertRefused(Reply refused, String pointer) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("pointer")).contains(pointer);
        assertThat(refused.body()).contains(System.getProperty("java.io.tmpdir"));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
