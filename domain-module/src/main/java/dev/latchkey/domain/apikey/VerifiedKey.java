package dev.latchkey.domain.apikey;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of checking a presented key against its hash: safe to cache, because it holds no secret and every
 * change that could make it stale evicts it through {@link CredentialCache}.
 */
public record VerifiedKey(ApiKeyId id, UserId ownerId, String ownerEmail, ScopeSet scopes, Instant expiresAt) {
    public VerifiedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
