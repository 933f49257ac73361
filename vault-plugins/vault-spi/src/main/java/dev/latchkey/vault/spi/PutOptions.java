package dev.latchkey.vault.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to write a secret version.
 *
 * @param expectedVersion check-and-set: write only if this is the current version (0 meaning the
 *                        path has no version yet); empty to write unconditionally
 * @param metadata        strings to store with the version, not secret; keys are non-blank
 */
public record PutOptions(OptionalLong expectedVersion, Map<String, String> metadata) {

    /** Unconditional write without metadata. */
    public static final PutOptions NONE = new PutOptions(OptionalLong.empty(), Map.of());

    /** Validates the expectation and copies the map. */
    public PutOptions {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() < 0) {
            throw new IllegalArgumentException("expected version must be 0 or more: " + expectedVersion.getAsLong());
        }
        metadata = Map.copyOf(metadata);
        if (metadata.keySet().stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("metadata keys must not be blank");
        }
    }

    /**
     * Check-and-set against a version.
     *
     * @param expectedCurrentVersion the version the caller last read, or 0 to create only
     * @return the options
     */
    public static PutOptions checkAndSet(long expectedCurrentVersion) {
        return new PutOptions(OptionalLong.of(expectedCurrentVersion), Map.of());
    }

    /**
     * These options plus one metadata entry.
     *
     * @param key   a non-blank key
     * @param value its value
     * @return the new options
     */
    public PutOptions withMetadata(String key, String value) {
        Map<String, String> more = new HashMap<>(metadata);
        more.put(key, value);
        return new PutOptions(expectedVersion, more);
    }

    /**
     * Throws when a check-and-set expectation does not match.
     *
     * @param path           the secret being written
     * @param currentVersion its current version, 0 when it has none
     * @throws CheckAndSetConflictException when an expectation is set and differs
     */
    public void checkAgainst(SecretPath path, long currentVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
            throw new CheckAndSetConflictException(path, expectedVersion.getAsLong(), currentVersion);
        }
    }
}
