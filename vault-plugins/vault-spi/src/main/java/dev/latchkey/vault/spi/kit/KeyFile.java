package dev.latchkey.vault.spi.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds a plugin's 256-bit storage key: the base64 key from a sensitive configuration attribute
 * when the user set one, otherwise a key file in the plugin's data directory, generated on first
 * start (mode 0600, written atomically) and read on every later start.
 *
 * <p>Keep the key file out of the storage it protects: the data directory is the platform's, the
 * storage may be a shared or backed-up location.
 */
public final class KeyFile {

    private KeyFile() {}

    /**
     * Opens a {@link SealedBox} with the configured key or the key file.
     *
     * @param configuredBase64 the key from configuration, validated as 32 bytes of base64
     * @param keyFile          where to keep a generated key
     * @param random           the source of the key and of nonces
     * @param writer           how to write the key file
     * @return the box
     * @throws IOException when the key file can neither be read nor created, or is not 32 bytes
     */
    public static SealedBox open(
            Optional<String> configuredBase64, Path keyFile, SecureRandom random, AtomicFileWriter writer)
            throws IOException {
        byte[] key = configuredBase64.isPresent()
                ? Base64.getDecoder().decode(configuredBase64.get().strip())
                : loadOrCreate(keyFile, random, writer);
        try {
            return SealedBox.withKey(key, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Reads the key file, creating it with a random key first when it does not exist. Of two
     * callers racing to create it, both end up with the key that was written: a generated key that
     * lost the race is discarded, never written over the winner's.
     *
     * @param keyFile the file
     * @param random  the source of a new key
     * @param writer  how to write it
     * @return the {@value SealedBox#KEY_BYTES} key bytes; the caller wipes them
     * @throws IOException when the file cannot be read or written, or has the wrong length
     */
    public static byte[] loadOrCreate(Path keyFile, SecureRandom random, AtomicFileWriter writer) throws IOException {
        if (Files.notExists(keyFile)) {
            writer.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] fresh = SealedBox.newKey(random);
            if (writer.createNew(keyFile, fresh)) {
                return fresh;
            }
            Arrays.fill(fresh, (byte) 0);
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != SealedBox.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IOException("Key file " + keyFile + " does not hold a " + SealedBox.KEY_BYTES
                    + "-byte key; restore it from a backup (deleting it makes existing secrets unreadable).");
        }
        return key;
    }
}
