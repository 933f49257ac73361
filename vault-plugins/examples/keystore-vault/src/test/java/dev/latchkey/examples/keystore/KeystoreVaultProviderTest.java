package dev.latchkey.examples.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.vault.spi.AttributePath;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.tck.VaultProviderContract;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example plugin passes the TCK, plus two checks of its own. */
class KeystoreVaultProviderTest extends VaultProviderContract {

    @Override
    protected VaultProviderFactory factory() {
        return new KeystoreVaultProviderFactory();
    }

    @Override
    protected Map<String, String> validConfig(Path dataDirectory) {
        return Map.of("keystore", "vault.p12", "password", "correct horse");
    }

    @Override
    protected InvalidConfig invalidConfig(Path dataDirectory) {
        return new InvalidConfig(Map.of("keystore", "vault.p12"), "password");
    }

    @Override
    protected int concurrentIncrementsPerThread() {
        return 3; // every write re-derives PBE keys and rewrites the whole file
    }

    @Test
    void entriesAreReadableAliasesForKeytool() throws Exception {
        put(SecretPath.parse("payments/Stripe"), "v1");
        put(SecretPath.parse("payments/Stripe"), "v2");

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDirectory.resolve("vault.p12"))) {
            keyStore.load(in, "correct horse".toCharArray());
        }
        assertThat(Collections.list(keyStore.aliases()))
                .containsExactlyInAnyOrder("payments/%53tripe@1", "payments/%53tripe@2");
        assertThat(keyStore.isKeyEntry("payments/%53tripe@2")).isTrue();
    }

    @Test
    void wrongPasswordIsADiagnosticOnThePassword() {
        put(SecretPath.parse("x"), "v");

        Result<VaultProvider> result =
                factory().configure(Map.of("keystore", "vault.p12", "password", "wrong"), context(dataDirectory));

        assertThat(result.diagnostics().errors())
                .singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo(AttributePath.of("password")));
    }

    @Test
    void aWriteThatCannotBeSavedLeavesNothingBehind() throws Exception {
        SecretPath path = SecretPath.parse("unsaved");
        put(path, "v1");
        Path keystore = dataDirectory.resolve("vault.p12");
        // A non-empty directory where the keystore file belongs: the atomic rename onto it fails.
        Files.delete(keystore);
        Files.createDirectories(keystore.resolve("blocker"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> put(path, "v2"))
                .isInstanceOf(dev.latchkey.vault.spi.VaultUnavailableException.class);

        assertThat(readText(path)).contains("v1");
        assertThat(vault().versions(path)).hasSize(1);
    }
}
