package dev.latchkey.domain.integration;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A version of a secret as a vault reports it after a write or a read: where, which version, and its metadata. */
public record StoredSecret(String path, long version, Instant createdAt, Map<String, String> metadata) {
    public StoredSecret {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createdAt, "createdAt");
        metadata = Map.copyOf(metadata);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
