package dev.latchkey.api.persistence;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** Row of {@code api_keys}: the key's argon2id hash and facts, never its plaintext. */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {
    @Id
    private String id;

    private String name;

    @Column(name = "live_name")
    private String liveName;

    @Column(name = "owner_id")
    private String ownerId;

    private String scopes;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private boolean acknowledged;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    // Written only by JpaApiKeyRepository.markExpiryRecorded; the domain key does not carry it.
    @Column(name = "expiry_recorded")
    private boolean expiryRecorded;

    @Version
    private long version;

    protected ApiKeyEntity() {}

    ApiKeyEntity(ApiKey key) {
        id = key.id().value();
        ownerId = key.ownerId().value();
        secretHash = key.secretHash();
        createdAt = key.createdAt();
        expiresAt = key.expiresAt();
        name = key.name().value();
        copyFrom(key);
    }

    /** Copies what may change over a key's life; id, owner, hash and dates never do. */
    final void copyFrom(ApiKey key) {
        scopes = ScopeColumn.write(key.scopes());
        acknowledged = key.acknowledged();
        removedAt = key.removedAt().orElse(null);
        lastUsedAt = key.lastUsedAt().orElse(null);
        liveName = removedAt == null ? key.name().normalized() : null;
    }

    ApiKey toDomain() {
        return new ApiKey(
                new ApiKeyId(id),
                new KeyName(name),
                new UserId(ownerId),
                ScopeColumn.read(scopes),
                secretHash,
                createdAt,
                expiresAt,
                acknowledged,
                Optional.ofNullable(removedAt),
                Optional.ofNullable(lastUsedAt));
    }
}
