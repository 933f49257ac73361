package dev.latchkey.vault.spi;

import java.util.Objects;

/**
 * One version of a secret as read from a vault. Closing it wipes the value.
 *
 * @param path     where it is stored
 * @param metadata its version and metadata
 * @param value    its bytes; printed as {@code ***}
 */
public record Secret(SecretPath path, VersionMetadata metadata, SecretValue value) implements AutoCloseable {

    /** Checks that every part is present. */
    public Secret {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(value, "value");
    }

    /** The version number. */
    public long version() {
        return metadata.version();
    }

    /** Wipes the value. */
    @Override
    public void close() {
        value.close();
    }
}
