package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where keys live. Keys are never returned with their secret; there is none to return. */
public interface ApiKeyRepository {
    Optional<ApiKey> findById(ApiKeyId id);

    /** Whether a key that is not removed (pending ones included) already has this name, ignoring case. */
    boolean liveNameExists(KeyName name);

    /** Inserts or updates. */
    void save(ApiKey key);

    /** Writes only {@code lastUsedAt}, the one field the hot path touches. */
    void recordUse(ApiKeyId id, Instant at);

    /** Deletes a pending key whose wizard was cancelled or abandoned: its hash must not outlive the wizard. */
    void destroy(ApiKeyId id);

    /** Acknowledged keys only, filtered by status as of {@code now}. */
    Page<ApiKey> page(ApiKeyQuery query, PageRequest request, Instant now);

    /**
     * Acknowledged, not removed keys that expired at or before {@code now} and whose expiry has not been recorded
     * yet, earliest expiry first, at most {@code limit}.
     */
    List<ApiKey> findExpiredUnrecorded(Instant now, int limit);

    /** Remembers that the expiry of {@code id} has been recorded, so that it is recorded only once. */
    void markExpiryRecorded(ApiKeyId id);
}
