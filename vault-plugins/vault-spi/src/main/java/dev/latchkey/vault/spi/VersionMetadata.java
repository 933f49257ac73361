package dev.latchkey.vault.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vault knows about one version of a secret, apart from its value.
 *
 * @param version   1 for the first version of a path, then counting up; never reused
 * @param createdAt when it was written, by the vault's clock
 * @param deletedAt when it was soft-deleted; empty while it is readable
 * @param destroyed whether its bytes were erased for good (see {@link DestroyableVault})
 * @param metadata  the string map given at {@link PutOptions#metadata() put}; the platform keeps
 *                  key ids and expiry there. Not secret: never put secret values in it.
 */
public record VersionMetadata(
        long version, Instant createdAt, Optional<Instant> deletedAt, boolean destroyed, Map<String, String> metadata) {

    /** Validates the version number and copies the map. */
    public VersionMetadata {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deletedAt, "deletedAt");
        metadata = Map.copyOf(metadata);
    }

    /**
     * A fresh, readable version.
     *
     * @param version   its number
     * @param createdAt when it was written
     * @param metadata  its metadata
     * @return the metadata record
     */
    public static VersionMetadata created(long version, Instant createdAt, Map<String, String> metadata) {
        return new VersionMetadata(version, createdAt, Optional.empty(), false, metadata);
    }

    /** Whether the version can be read: neither deleted nor destroyed. */
    public boolean isReadable() {
        return deletedAt.isEmpty() && !destroyed;
    }

    /**
     * This version marked deleted, unless it already is.
     *
     * @param when the deletion time
     * @return the deleted version
     */
    public VersionMetadata deletedAt(Instant when) {
        return deletedAt.isPresent()
                ? this
                : new VersionMetadata(version, createdAt, Optional.of(when), destroyed, metadata);
    }

    /** This version with its deletion undone. */
    public VersionMetadata undeleted() {
        return new VersionMetadata(version, createdAt, Optional.empty(), destroyed, metadata);
    }

    /** This version marked destroyed. */
    public VersionMetadata markedDestroyed() {
        return new VersionMetadata(version, createdAt, deletedAt, true, metadata);
    }
}
