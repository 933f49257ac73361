package dev.latchkey.vault.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.UnsupportedSecretException;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.tck.DestroyableVaultContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvVaultProviderTest extends DestroyableVaultContract {

    @Override
    protected VaultProviderFactory factory() {
        return new EnvVaultProviderFactory(
                Map.of("FROM_ENV_ONLY", "env value", "TCK_ENV_SHADOWED", "from environment"));
    }

    @Override
    protected Map<String, String> validConfig(Path dataDirectory) {
        return Map.of("file", "app.env");
    }

    @Override
    protected InvalidConfig invalidConfig(Path dataDirectory) {
        return new InvalidConfig(Map.of("read_environment", "sometimes", "history_key", "not base64!"), "history_key");
    }

    private Path dotenv() {
        return dataDirectory.resolve("app.env");
    }

    @Test
    void writesTheLatestReadableVersionAsAQuotedLine() throws IOException {
        put(SecretPath.parse("payments/stripe-key"), "old");
        put(SecretPath.parse("payments/stripe-key"), "say \"hi\"\n$HOME \\ ü");

        assertThat(Files.readString(dotenv()))
                .contains("PAYMENTS_STRIPE_KEY=\"say \\\"hi\\\"\\n\\$HOME \\\\ ü\"\n")
                .doesNotContain("old");
    }

    @Test
    void deletedLatestVersionDisappearsFromTheFile() throws IOException {
        put(SecretPath.parse("gone"), "v");
        vault().delete(SecretPath.parse("gone"), 1);

        assertThat(Files.readString(dotenv())).doesNotContain("GONE=");
    }

    @Test
    void keepsTheDotenvFileAndSidecarPrivate() throws IOException {
        put(SecretPath.parse("private"), "v");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dotenv())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dataDirectory.resolve(".app.env.history"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(
                        dataDirectory.resolve(".app.env.history"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("PRIVATE");
    }

    @Test
    void fallsBackToTheEnvironmentReadOnlyForPathsNeverWritten() {
        try (Secret secret = vault().read(SecretPath.parse("from/env-only")).orElseThrow()) {
            assertThat(secret.value().utf8()).contains("env value");
            assertThat(secret.metadata().metadata()).containsEntry("source", "environment");
        }
        assertThat(vault().list(SecretPath.Prefix.ROOT)).isEmpty();

        put(SecretPath.parse("tck/env-shadowed"), "from vault");
        assertThat(readText(SecretPath.parse("tck/env-shadowed"))).contains("from vault");
    }

    @Test
    void rejectsTwoPathsWithTheSameVariableName() {
        put(SecretPath.parse("db/url"), "one");

        assertThatThrownBy(() -> put(SecretPath.parse("db-url"), "two"))
                .isInstanceOf(UnsupportedSecretException.class)
                .hasMessageContaining("DB_URL")
                .hasMessageContaining("db/url");
    }

    @Test
    void rejectsValuesThatAreNotText() {
        try (SecretValue binary = SecretValue.of(new byte[] {(byte) 0xff, 0, 1})) {
            assertThatThrownBy(() -> vault().put(SecretPath.parse("binary"), binary, PutOptions.NONE))
                    .isInstanceOf(UnsupportedSecretException.class);
        }
    }

    @Test
    void healthReportsAFileEditedByHandAndRestartRewritesIt() throws IOException {
        put(SecretPath.parse("edited"), "v");
        Files.writeString(dotenv(), "EDITED=\"changed by hand\"\n");

        assertThat(vault().health().up()).isFalse();
        reopen();
        assertThat(vault().health().up()).isTrue();
        assertThat(Files.readString(dotenv())).contains("EDITED=\"v\"");
    }

    @Test
    void aChangeKeptInTheHistoryIsReportedDoneEvenWhenTheDotenvFileCannotBeRewritten() throws IOException {
        // A non-empty directory where the dotenv file belongs: the history can be written, the projection cannot.
        Files.delete(dotenv());
        Files.createDirectories(dotenv().resolve("blocker"));

        put(SecretPath.parse("kept"), "v");

        assertThat(readText(SecretPath.parse("kept"))).contains("v");
        assertThat(vault().health().up()).isFalse();
        Files.delete(dotenv().resolve("blocker"));
        Files.delete(dotenv());
        reopen();
        assertThat(readText(SecretPath.parse("kept"))).contains("v");
        assertThat(Files.readString(dotenv())).contains("KEPT=\"v\"");
    }
}
