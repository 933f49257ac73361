package dev.latchkey.api.plugins;

import dev.latchkey.api.config.SettingSealer;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.KeyFile;
import dev.latchkey.vault.spi.kit.SealedBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts sensitive integration settings at rest with AES-256-GCM (the JDK's, through the SPI kit's
 * {@link SealedBox}) under the platform master key, a file in the data directory with mode 0600 that is generated
 * on first start. Each value is bound to its integration and attribute, so a sealed value copied to another row
 * does not open.
 */
public final class ConfigSealer implements SettingSealer {
    /** The master key's file name in the data directory: back it up with the database. */
    public static final String KEY_FILE = "platform-master.key";

    private final SealedBox box;

    private ConfigSealer(SealedBox box) {
        this.box = box;
    }

    /** Loads the master key from {@code dataDirectory}, creating it on first start. */
    public static ConfigSealer open(Path dataDirectory, SecureRandom random) {
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            byte[] key = KeyFile.loadOrCreate(file, random, AtomicFileWriter.DURABLE);
            try {
                return new ConfigSealer(SealedBox.withKey(key, random));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the platform master key " + file, e);
        }
    }

    /** The sealed value in base64. */
    @Override
    public String seal(String integrationId, String attribute, String value) {
        return Base64.getEncoder()
                .encodeToString(
                        box.seal(value.getBytes(StandardCharsets.UTF_8), associatedData(integrationId, attribute)));
    }

    @Override
    public String open(String integrationId, String attribute, String sealed) {
        byte[] plain = box.open(Base64.getDecoder().decode(sealed), associatedData(integrationId, attribute));
        try {
            return new String(plain, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] associatedData(String integrationId, String attribute) {
        return ("latchkey-integration-config\0" + integrationId + "\0" + attribute).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ConfigSealer[***]";
    }
}
