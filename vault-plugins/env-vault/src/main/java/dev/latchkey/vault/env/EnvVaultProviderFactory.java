package dev.latchkey.vault.env;

import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.ConfigSchema;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Validators;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.KeyFile;
import dev.latchkey.vault.spi.kit.SealedBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Creates {@code env} vaults: secrets written to a dotenv file, with the process environment as fallback. */
public final class EnvVaultProviderFactory implements VaultProviderFactory {

    /** The id users configure. */
    public static final String ID = "env";

    static final String KEY_FILE = "env-vault.key";

    static final Attribute<Path> FILE = Attribute.writablePath("file")
            .description("The dotenv file to write; a relative path is resolved against the vault's data directory."
                    + " Defaults to '.env' in the data directory.")
            .requiresReplace()
            .build();

    static final Attribute<Long> MAX_VERSIONS = Attribute.integer("max_versions")
            .description(
                    "How many versions of each secret the history sidecar keeps; the dotenv file holds the latest.")
            .defaultValue(10L)
            .validator(Validators.between(1, 1000))
            .build();

    static final Attribute<Boolean> READ_ENVIRONMENT = Attribute.bool("read_environment")
            .description(
                    "Whether reads of paths this vault never wrote fall back, read-only, to the server's environment variables.")
            .defaultValue(Boolean.TRUE)
            .build();

    static final Attribute<String> HISTORY_KEY = Attribute.secret("history_key")
            .description("AES-256 key for the history sidecar, 32 bytes in base64. When unset, a key is generated into "
                    + KEY_FILE + " in the data directory on first start.")
            .requiresReplace()
            .validator(Validators.base64OfLength(SealedBox.KEY_BYTES))
            .build();

    private static final ConfigSchema SCHEMA = ConfigSchema.of(FILE, MAX_VERSIONS, READ_ENVIRONMENT, HISTORY_KEY);

    private final Map<String, String> environment;

    /** The factory {@link java.util.ServiceLoader} creates: falls back to the real process environment. */
    public EnvVaultProviderFactory() {
        this(System.getenv());
    }

    /** For tests: a fixed environment instead of the process's. */
    EnvVaultProviderFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "A dotenv file of NAME=\"value\" lines, falling back to the server's environment variables on read.";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
        Path file = context.dataDirectory().resolve(config.value(FILE).orElse(Path.of(".env")));
        try {
            SealedBox box = KeyFile.open(
                    config.value(HISTORY_KEY),
                    context.dataDirectory().resolve(KEY_FILE),
                    context.random(),
                    AtomicFileWriter.DURABLE);
            Map<String, String> fallback = config.require(READ_ENVIRONMENT) ? environment : Map.of();
            return Result.ok(EnvVaultProvider.open(file, box, config.require(MAX_VERSIONS), fallback, context.clock()));
        } catch (IOException failure) {
            return Result.failed(Diagnostic.error(
                    FILE.name(),
                    "Cannot open the dotenv file",
                    "Make sure the server can create and write " + file + " and its directory (" + failure.getMessage()
                            + ")."));
        }
    }
}
