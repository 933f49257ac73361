package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code lastUsedAt} roughly current without a database write per request: at most one write per key per
 * {@link ApiKey#LAST_USED_RESOLUTION}.
 */
@ApplicationScoped
public class KeyUsage {
    private final Map<ApiKeyId, Instant> lastWritten = new ConcurrentHashMap<>();

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    public void used(ApiKeyId id) {
        Instant now = clock.instant();
        Instant previous = lastWritten.get(id);
        if (previous != null && now.isBefore(previous.plus(ApiKey.LAST_USED_RESOLUTION))) {
            return;
        }
        boolean won =
                previous == null ? lastWritten.putIfAbsent(id, now) == null : lastWritten.replace(id, previous, now);
        if (won) {
            events.keyUsed(id, now);
        }
    }
}
