package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a whole wizard, then looks for the plaintext key everywhere the server writes: its log, every file of its
 * data directory (the database included) and the activity log. Each search has a positive control, so an empty or
 * unflushed file cannot make the test pass.
 */
@ExtendWith(LatchkeyServerExtension.class)
class SecretLeakIT {

    @Test
    void plaintextKeyAppearsNowhereButTheStoreResponse(LatchkeyServer server) {
        Api api = new Api(server);
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.issue(owner, List.of("read:users", "read:activities"));
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        String keyName = api.get("/api/v1/api-keys/" + key.id(), owner)
                .attributes()
                .path("name")
                .asText();
        String secret = key.plaintext().substring(16, 48);

        // The database writes in the background: wait until the key's row (its unique name) is on disk.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dataFilesContain(server.dataDir(), keyName));
        assertThat(dataFilesContain(server.dataDir(), secret))
                .as("secret in data files")
                .isFalse();
        assertThat(dataFilesContain(server.dataDir(), key.plaintext()))
                .as("key in data files")
                .isFalse();

        String log = server.log();
        assertThat(log).contains("Database schema at version");
        assertThat(log).doesNotContain(secret).doesNotContain(LatchkeyServer.OWNER_PASSWORD);

        String activities = api.get("/api/v1/activities?page[size]=100", owner).body();
        assertThat(activities).contains(key.id()).doesNotContain(secret);
    }

    private static boolean dataFilesContain(Path dataDir, String needle) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> contains(file, needle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String needle) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
        } catch (IOException e) {
            return false;
        }
    }
}
