package dev.latchkey.vault.localdb;

import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.AttributeValidator;
import dev.latchkey.vault.spi.ConfigSchema;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Diagnostics;
import dev.latchkey.vault.spi.PlatformDatabaseVaults;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Validators;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.KeyFile;
import dev.latchkey.vault.spi.kit.SealedBox;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Creates {@code local-db} vaults: encrypted, versioned secrets in the platform database. */
public final class LocalDbVaultProviderFactory implements PlatformDatabaseVaults {

    /** The id users configure; the platform's default vault. */
    public static final String ID = "local-db";

    static final String KEY_FILE = "local-db-master.key";

    private static final Pattern NAMESPACE_TEXT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    static final Attribute<String> NAMESPACE = Attribute.string("namespace")
            .description("Keeps this vault's rows apart from other local-db vaults in the same database,"
                    + " usually the workspace id: lower-case letters, digits, '.', '_' and '-'.")
            .defaultValue("default")
            .requiresReplace()
            .validator(namespaceText())
            .build();

    static final Attribute<Long> MAX_VERSIONS = Attribute.integer("max_versions")
            .description(
                    "How many versions of each secret to keep; older versions are deleted from the database on write.")
            .defaultValue(10L)
            .validator(Validators.between(1, 1000))
            .build();

    static final Attribute<String> MASTER_KEY = Attribute.secret("master_key")
            .description("AES-256 key that wraps every secret's data key, 32 bytes in base64. When unset, one is"
                    + " generated into " + KEY_FILE + " in the data directory on first start: back that file up.")
            .requiresReplace()
            .validator(Validators.base64OfLength(SealedBox.KEY_BYTES))
            .build();

    private static final ConfigSchema SCHEMA = ConfigSchema.of(NAMESPACE, MAX_VERSIONS, MASTER_KEY);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "The platform's own database, each secret version encrypted under its own AES-256-GCM data key.";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
        if (context.dataSource().isEmpty()) {
            return Result.failed(Diagnostic.error(
                    "No platform database",
                    "The local-db vault stores secrets in the platform database, and this server offers none to"
                            + " plugins; choose another vault type."));
        }
        DataSource dataSource = context.dataSource().get();
        try {
            SealedBox master = KeyFile.open(
                    config.value(MASTER_KEY),
                    context.dataDirectory().resolve(KEY_FILE),
                    context.random(),
                    AtomicFileWriter.DURABLE);
            return Result.ok(LocalDbVaultProvider.open(
                    dataSource,
                    config.require(NAMESPACE),
                    master,
                    config.require(MAX_VERSIONS),
                    context.clock(),
                    context.random()));
        } catch (IOException failure) {
            return Result.failed(Diagnostic.error(
                    MASTER_KEY.name(),
                    "Cannot read or create the master key",
                    "Make sure the server can write its data directory " + context.dataDirectory() + " ("
                            + failure.getMessage() + "), or set master_key."));
        } catch (SQLException failure) {
            return Result.failed(Diagnostic.error(
                    "Cannot create the vault tables",
                    "Check that the platform database is reachable and lets the server create tables ("
                            + failure.getMessage() + ")."));
        }
    }

    private static AttributeValidator<String> namespaceText() {
        return (attribute, value) -> NAMESPACE_TEXT.matcher(value).matches()
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(),
                        "Invalid namespace",
                        "Use 1 to 100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."));
    }

    /** Integrations share the platform database: each keeps its rows under a namespace of its own id. */
    @Override
    public Map<String, String> integrationDefaults(String integrationId) {
        return Map.of(NAMESPACE.name(), integrationId);
    }
}
