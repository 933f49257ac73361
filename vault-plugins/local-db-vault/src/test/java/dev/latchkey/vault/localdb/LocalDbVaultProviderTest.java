package dev.latchkey.vault.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.tck.DestroyableVaultContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LocalDbVaultProviderTest extends DestroyableVaultContract {

    private final JdbcDataSource database = new JdbcDataSource();

    LocalDbVaultProviderTest() {
        // One in-memory database per test, kept open across reopen() by DB_CLOSE_DELAY.
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }

    @Override
    protected VaultProviderFactory factory() {
        return new LocalDbVaultProviderFactory();
    }

    @Override
    protected Map<String, String> validConfig(Path dataDirectory) {
        return Map.of("namespace", "workspace-1", "max_versions", "5");
    }

    @Override
    protected InvalidConfig invalidConfig(Path dataDirectory) {
        return new InvalidConfig(Map.of("namespace", "Not Valid!", "master_key", "too-short"), "namespace");
    }

    @Override
    protected VaultContext context(Path dataDirectory) {
        return new VaultContext(dataDirectory, Optional.of(database), CLOCK, new SecureRandom());
    }

    @Test
    void keepsNamespacesApart() {
        put(SecretPath.parse("shared/name"), "workspace one");
        try (VaultProvider other = openWith(Map.of("namespace", "workspace-2"))) {
            assertThat(other.read(SecretPath.parse("shared/name"))).isEmpty();
            assertThat(other.list(SecretPath.Prefix.ROOT)).isEmpty();
        }
    }

    @Test
    void storesOnlyCiphertextInTheDatabase() throws SQLException {
        put(SecretPath.parse("clear/check"), "plain-text-needle");

        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT wrapped_key, ciphertext FROM vault_localdb_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1))
                    .doesNotContain("plain-text-needle");
            assertThat(rows.getBytes(1)).hasSizeGreaterThan(32);
        }
    }

    @Test
    void wrongMasterKeyCannotDecrypt() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (VaultProvider first = openWith(Map.of("namespace", "keyed", "master_key", key))) {
            first.put(
                    SecretPath.parse("k"),
                    dev.latchkey.vault.spi.SecretValue.ofUtf8("v"),
                    dev.latchkey.vault.spi.PutOptions.NONE);
        }
        byte[] other = new byte[32];
        other[0] = 1;
        try (VaultProvider second = openWith(
                Map.of("namespace", "keyed", "master_key", Base64.getEncoder().encodeToString(other)))) {
            assertThatThrownBy(() -> second.read(SecretPath.parse("k")))
                    .isInstanceOf(VaultUnavailableException.class)
                    .hasMessageContaining("key");
        }
    }

    @Test
    void prunesVersionsBeyondMaxVersions() {
        SecretPath path = SecretPath.parse("pruned");
        for (int i = 1; i <= 7; i++) {
            put(path, "v" + i);
        }

        assertThat(vault().versions(path)).extracting(VersionMetadata::version).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void refusesToOpenWithoutAPlatformDatabase() {
        Result<VaultProvider> result =
                factory().configure(Map.of(), VaultContext.withoutDatabase(dataDirectory, CLOCK, new SecureRandom()));

        assertThat(result.diagnostics().errors())
                .singleElement()
                .satisfies(d -> assertThat(d.summary()).isEqualTo("No platform database"));
    }

    @Test
    void listTreatsLikeWildcardsInThePrefixLiterally() {
        put(SecretPath.parse("a_b/x"), "1");
        put(SecretPath.parse("axb/y"), "2");
        put(SecretPath.parse("a%/z"), "3");

        assertThat(vault().list(SecretPath.Prefix.parse("a_b"))).containsExactly(SecretPath.parse("a_b/x"));
        assertThat(vault().list(SecretPath.Prefix.parse("a%"))).containsExactly(SecretPath.parse("a%/z"));
    }

    private VaultProvider openWith(Map<String, String> config) {
        return factory().configure(config, context(dataDirectory)).asOptional().orElseThrow();
    }
}
