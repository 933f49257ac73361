package dev.latchkey.vault.file;

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

/** Creates {@code file} vaults: encrypted, versioned secrets in a directory tree. */
public final class FileVaultProviderFactory implements VaultProviderFactory {

    /** The id users configure. */
    public static final String ID = "file";

    /** Name of the generated key file in the data directory. */
    static final String KEY_FILE = "file-vault.key";

    static final Attribute<Path> DIRECTORY = Attribute.writablePath("directory")
            .description("Directory of the store; a relative path is resolved against the vault's data directory."
                    + " Defaults to 'store' in the data directory.")
            .requiresReplace()
            .build();

    static final Attribute<Long> MAX_VERSIONS = Attribute.integer("max_versions")
            .description("How many versions of each secret to keep; older versions are pruned on write.")
            .defaultValue(10L)
            .validator(Validators.between(1, 1000))
            .build();

    static final Attribute<String> ENCRYPTION_KEY = Attribute.secret("encryption_key")
            .description("AES-256 key for the entries, 32 bytes in base64. When unset, a key is generated into "
                    + KEY_FILE + " in the data directory on first start: back that file up.")
            .requiresReplace()
            .validator(Validators.base64OfLength(SealedBox.KEY_BYTES))
            .build();

    private static final ConfigSchema SCHEMA = ConfigSchema.of(DIRECTORY, MAX_VERSIONS, ENCRYPTION_KEY);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Encrypted files in a directory, laid out like HashiCorp Vault's file backend, with versions.";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
        Path directory = context.dataDirectory().resolve(config.value(DIRECTORY).orElse(Path.of("store")));
        try {
            SealedBox box = KeyFile.open(
                    config.value(ENCRYPTION_KEY),
                    context.dataDirectory().resolve(KEY_FILE),
                    context.random(),
                    AtomicFileWriter.DURABLE);
            return Result.ok(FileVaultProvider.open(
                    directory, box, config.require(MAX_VERSIONS), context.clock(), AtomicFileWriter.DURABLE));
        } catch (IOException failure) {
            return Result.failed(Diagnostic.error(
                    DIRECTORY.name(),
                    "Cannot open the file store",
                    "Make sure the server can create and write " + directory + " and read its data directory ("
                            + failure.getMessage() + ")."));
        }
    }
}
