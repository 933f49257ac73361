package dev.latchkey.examples.keystore;

import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.ConfigSchema;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Validators;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.UnrecoverableKeyException;

/**
 * Creates {@code pkcs12-keystore} vaults. Registered in
 * {@code META-INF/services/dev.latchkey.vault.spi.VaultProviderFactory}.
 */
public final class KeystoreVaultProviderFactory implements VaultProviderFactory {

    /** The id users configure. */
    public static final String ID = "pkcs12-keystore";

    static final Attribute<Path> KEYSTORE = Attribute.writablePath("keystore")
            .description("The PKCS#12 file; a relative path is resolved against the vault's data directory."
                    + " Defaults to 'secrets.p12'. Created on first start.")
            .requiresReplace()
            .build();

    static final Attribute<String> PASSWORD = Attribute.secret("password")
            .description("Password of the keystore and of every entry in it.")
            .required()
            .validator(Validators.notBlank())
            .build();

    private static final ConfigSchema SCHEMA = ConfigSchema.of(KEYSTORE, PASSWORD);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Entries of a password-protected PKCS#12 keystore file, readable with keytool.";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
        Path file = context.dataDirectory().resolve(config.value(KEYSTORE).orElse(Path.of("secrets.p12")));
        try {
            return Result.ok(
                    KeystoreVaultProvider.open(file, config.require(PASSWORD).toCharArray(), context.clock()));
        } catch (IOException | GeneralSecurityException failure) {
            return Result.failed(
                    failure.getCause() instanceof UnrecoverableKeyException
                            ? Diagnostic.error(
                                    PASSWORD.name(),
                                    "Wrong keystore password",
                                    "Set password to the one " + file + " was created with.")
                            : Diagnostic.error(
                                    KEYSTORE.name(),
                                    "Cannot open the keystore",
                                    "Make sure " + file + " is a PKCS#12 file the server can read and write ("
                                            + failure.getMessage() + ")."));
        }
    }
}
