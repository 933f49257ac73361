package dev.latchkey.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;

/**
 * A whole API key as a client presents it: {@code lk_} + 12-character public id + {@code _} + 32-character secret +
 * 6-character base62 CRC32 of everything before it. It prints masked; only {@link #reveal()} gives the secret.
 */
public final class PlaintextApiKey {
    static final String PREFIX = "lk_";
    static final int SECRET_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    /** {@code lk_} + id + {@code _} + secret + checksum. */
    public static final int LENGTH = PREFIX.length() + ApiKeyId.LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

    private final ApiKeyId id;
    private final String value;

    private PlaintextApiKey(ApiKeyId id, String value) {
        this.id = id;
        this.value = value;
    }

    /** A new key from a cryptographically strong generator ({@code SecureRandom} in production). */
    public static PlaintextApiKey generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        String body = PREFIX + Base62.random(random, ApiKeyId.LENGTH) + "_" + Base62.random(random, SECRET_LENGTH);
        String value = body + checksum(body);
        return new PlaintextApiKey(
                new ApiKeyId(value.substring(PREFIX.length(), PREFIX.length() + ApiKeyId.LENGTH)), value);
    }

    /**
     * Parses what a client sent. Shape and checksum are checked before anything else, so a malformed or mistyped key
     * costs neither a database read nor a hash.
     */
    public static Optional<PlaintextApiKey> parse(String raw) {
        if (raw == null || raw.length() != LENGTH || !raw.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = PREFIX.length() + ApiKeyId.LENGTH;
        int checksumStart = LENGTH - CHECKSUM_LENGTH;
        if (raw.charAt(separator) != '_'
                || !Base62.isBase62(raw, PREFIX.length(), separator)
                || !Base62.isBase62(raw, separator + 1, LENGTH)
                || !checksum(raw.substring(0, checksumStart)).equals(raw.substring(checksumStart))) {
            return Optional.empty();
        }
        return Optional.of(new PlaintextApiKey(new ApiKeyId(raw.substring(PREFIX.length(), separator)), raw));
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }

    public ApiKeyId id() {
        return id;
    }

    /** The whole key. Call it only to hash it, to show it once, or to store it in the vault the user chose. */
    public String reveal() {
        return value;
    }

    public String masked() {
        return id.masked();
    }

    /** Compares the whole key in constant time, so that equality leaks nothing about how much of a secret matched. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PlaintextApiKey key
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), key.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
