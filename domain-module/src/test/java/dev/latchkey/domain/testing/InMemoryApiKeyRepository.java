package dev.latchkey.domain.testing;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyQuery;
import dev.latchkey.domain.apikey.ApiKeyRepository;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keys in a map. Like a database it hands out copies, so a service that changes a key but forgets to save it is
 * caught; it also keeps every version ever saved, so tests can check what was written, not just what is left.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private final List<ApiKey> saved = new ArrayList<>();
    private final Set<ApiKeyId> expiryRecorded = new HashSet<>();

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id)).map(InMemoryApiKeyRepository::copy);
    }

    @Override
    public boolean liveNameExists(KeyName name) {
        return keys.values().stream()
                .anyMatch(key ->
                        key.removedAt().isEmpty() && key.name().normalized().equals(name.normalized()));
    }

    @Override
    public void save(ApiKey key) {
        keys.put(key.id(), copy(key));
        saved.add(copy(key));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        ApiKey key = keys.get(id);
        if (key != null) {
            keys.put(
                    id,
                    new ApiKey(
                            key.id(),
                            key.name(),
                            key.ownerId(),
                            key.scopes(),
                            key.secretHash(),
                            key.createdAt(),
                            key.expiresAt(),
                            key.acknowledged(),
                            key.removedAt(),
                            Optional.of(at)));
        }
    }

    @Override
    public void destroy(ApiKeyId id) {
        keys.remove(id);
    }

    @Override
    public Page<ApiKey> page(ApiKeyQuery query, PageRequest request, Instant now) {
        Comparator<ApiKey> order = switch (query.sort()) {
            case NAME -> Comparator.comparing(key -> key.name().normalized());
            case NAME_DESCENDING ->
                Comparator.comparing((ApiKey key) -> key.name().normalized()).reversed();
            case NEWEST_FIRST -> Comparator.comparing(ApiKey::createdAt).reversed();
            case OLDEST_FIRST -> Comparator.comparing(ApiKey::createdAt);
        };
        List<ApiKey> matching = keys.values().stream()
                .filter(ApiKey::acknowledged)
                .filter(key ->
                        query.status().map(status -> key.status(now) == status).orElse(true))
                .sorted(order)
                .map(InMemoryApiKeyRepository::copy)
                .toList();
        return InMemoryPages.page(matching, request);
    }

    @Override
    public List<ApiKey> findExpiredUnrecorded(Instant now, int limit) {
        return keys.values().stream()
                .filter(key -> key.status(now) == ApiKeyStatus.EXPIRED && !expiryRecorded.contains(key.id()))
                .sorted(Comparator.comparing(ApiKey::expiresAt))
                .limit(limit)
                .map(InMemoryApiKeyRepository::copy)
                .toList();
    }

    @Override
    public void markExpiryRecorded(ApiKeyId id) {
        expiryRecorded.add(id);
    }

    /** The keys stored now. */
    public List<ApiKey> all() {
        return keys.values().stream().map(InMemoryApiKeyRepository::copy).toList();
    }

    /** Every version of every key ever saved, destroyed ones included. */
    public List<ApiKey> everSaved() {
        return List.copyOf(saved);
    }

    private static ApiKey copy(ApiKey key) {
        return new ApiKey(
                key.id(),
                key.name(),
                key.ownerId(),
                key.scopes(),
                key.secretHash(),
                key.createdAt(),
                key.expiresAt(),
                key.acknowledged(),
                key.removedAt(),
                key.lastUsedAt());
    }
}
