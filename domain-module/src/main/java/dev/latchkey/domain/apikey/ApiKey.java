package dev.latchkey.domain.apikey;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued API key: everything about it except its secret, of which only an argon2id hash is kept. A key works only
 * once acknowledged, until it expires or is removed, and only while its creator is an enabled administrator.
 */
public final class ApiKey {
    /** {@code lastUsedAt} is written at most this often per key, so that verification stays off the database. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyId id;
    private final KeyName name;
    private final UserId ownerId;
    private final String secretHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private ScopeSet scopes;
    private boolean acknowledged;
    private Optional<Instant> removedAt;
    private Optional<Instant> lastUsedAt;

    /** Rebuilds a key from storage; new keys come from {@link #issue}. */
    public ApiKey(
            ApiKeyId id,
            KeyName name,
            UserId ownerId,
            ScopeSet scopes,
            String secretHash,
            Instant createdAt,
            Instant expiresAt,
            boolean acknowledged,
            Optional<Instant> removedAt,
            Optional<Instant> lastUsedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.acknowledged = acknowledged;
        this.removedAt = Objects.requireNonNull(removedAt, "removedAt");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A new, not yet acknowledged key for {@code plaintext}, of which only {@code secretHash} is kept. */
    public static ApiKey issue(
            PlaintextApiKey plaintext,
            String secretHash,
            KeyName name,
            UserId ownerId,
            ScopeSet scopes,
            Instant now,
            Instant expiresAt) {
        return new ApiKey(
                plaintext.id(),
                name,
                ownerId,
                scopes,
                secretHash,
                now,
                expiresAt,
                false,
                Optional.empty(),
                Optional.empty());
    }

    public ApiKeyStatus status(Instant now) {
        if (removedAt.isPresent()) {
            return ApiKeyStatus.REMOVED;
        }
        if (!acknowledged) {
            return ApiKeyStatus.PENDING;
        }
        return now.isBefore(expiresAt) ? ApiKeyStatus.ACTIVE : ApiKeyStatus.EXPIRED;
    }

    /**
     * What this key may do right now on behalf of {@code owner}: its scopes while it is active and its creator is an
     * enabled administrator, nothing otherwise.
     */
    public ScopeSet effectiveScopes(User owner, Instant now) {
        if (!owner.id().equals(ownerId)) {
            throw new IllegalArgumentException("not this key's owner");
        }
        return status(now) == ApiKeyStatus.ACTIVE && owner.isActiveAdministrator() ? scopes : ScopeSet.NONE;
    }

    public void acknowledge() {
        if (acknowledged) {
            throw new IllegalStateException("already acknowledged");
        }
        acknowledged = true;
    }

    /** Only the key's creator changes its scopes, and only while it is active: an expired or removed key's are final. */
    public void changeScopes(User actor, ScopeSet newScopes, Instant now) {
        if (!actor.id().equals(ownerId)) {
            throw new PermissionDeniedException(
                    "not_key_owner", "only the person who created this key may change its scopes");
        }
        if (newScopes.isEmpty()) {
            throw new IllegalArgumentException("a key keeps at least one scope");
        }
        ApiKeyStatus status = status(now);
        if (status != ApiKeyStatus.ACTIVE) {
            throw new ConflictException("api_key_not_changeable", "the key is " + status + ", so its scopes are final");
        }
        scopes = newScopes;
    }

    /** Its creator, the Owner and Super Admins may remove a key; removing a removed key changes nothing. */
    public boolean remove(User actor, Instant now) {
        if (!actor.id().equals(ownerId) && !actor.role().mayRemoveOthersKeys()) {
            throw new PermissionDeniedException(
                    "not_allowed_to_remove",
                    "only the key's creator, the workspace Owner or a Super Admin may remove this key");
        }
        if (removedAt.isPresent()) {
            return false;
        }
        removedAt = Optional.of(now);
        return true;
    }

    public ApiKeyId id() {
        return id;
    }

    public KeyName name() {
        return name;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public ScopeSet scopes() {
        return scopes;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean acknowledged() {
        return acknowledged;
    }

    public Optional<Instant> removedAt() {
        return removedAt;
    }

    public Optional<Instant> lastUsedAt() {
        return lastUsedAt;
    }

    @Override
    public String toString() {
        return "ApiKey[" + id.masked() + ", name=" + name + "]";
    }
}
