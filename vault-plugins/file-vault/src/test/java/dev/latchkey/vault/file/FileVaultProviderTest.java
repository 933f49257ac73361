package dev.latchkey.vault.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.tck.DestroyableVaultContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FileVaultProviderTest extends DestroyableVaultContract {

    @Override
    protected VaultProviderFactory factory() {
        return new FileVaultProviderFactory();
    }

    @Override
    protected Map<String, String> validConfig(Path dataDirectory) {
        return Map.of("max_versions", "5");
    }

    @Override
    protected InvalidConfig invalidConfig(Path dataDirectory) {
        return new InvalidConfig(Map.of("max_versions", "0", "encryption_key", "c2hvcnQ="), "max_versions");
    }

    @Test
    void storesEachSecretAsAnUnderscoreLeafInVaultsLayout() throws IOException {
        put(SecretPath.parse("payments/stripe/live"), "sk_live_abc");

        Path leaf = dataDirectory.resolve("store/payments/stripe/_live");
        assertThat(leaf).isRegularFile();
        String content = Files.readString(leaf);
        assertThat(content)
                .startsWith("{\"key\":\"payments/stripe/live\",\"value\":\"")
                .doesNotContain("sk_live_abc");
    }

    @Test
    void createsFilesWith0600AndDirectoriesWith0700() throws IOException {
        put(SecretPath.parse("perm/inner/leaf"), "v");

        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDirectory.resolve("store/perm/inner/_leaf"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDirectory.resolve("store/perm/inner"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDirectory.resolve(FileVaultProviderFactory.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void prunesVersionsBeyondMaxVersions() {
        SecretPath path = SecretPath.parse("pruned");
        for (int i = 1; i <= 7; i++) {
            put(path, "v" + i);
        }

        assertThat(vault().versions(path)).extracting(VersionMetadata::version).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(vault().read(path, 2)).isEmpty();
    }

    @Test
    void neverWritesValuesInClearAnywhereInTheStore() throws IOException {
        put(SecretPath.parse("clear/check"), "plain-text-needle");

        try (Stream<Path> files = Files.walk(dataDirectory)) {
            assertThat(files.filter(Files::isRegularFile))
                    .allSatisfy(file -> assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .doesNotContain("plain-text-needle"));
        }
    }

    @Test
    void listingWhileSecretsAreWrittenNeverTripsOverTheirTempFiles() throws Exception {
        // Every write creates a temp file and renames it away; a listing that sees the name must not fail on it.
        SecretPath path = SecretPath.parse("busy/one");
        put(path, "v0");
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= 300; i++) {
                put(path, "v" + i);
            }
            writing.set(false);
        });
        writer.start();
        try {
            while (writing.get()) {
                assertThat(vault().list(SecretPath.Prefix.parse("busy"))).containsExactly(path);
            }
        } finally {
            writer.join();
        }
    }
}
