package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns the quiet passing of a key's expiry into an {@code api_key.expired} activity, once per key. A key stops
 * working at its expiry whether or not this has run; this only makes the event visible in the log.
 */
public final class KeyExpiryService {
    private final ApiKeyRepository keys;
    private final ActivityLog activities;
    private final CredentialCache cache;
    private final Clock clock;

    public KeyExpiryService(ApiKeyRepository keys, ActivityLog activities, CredentialCache cache, Clock clock) {
        this.keys = keys;
        this.activities = activities;
        this.cache = cache;
        this.clock = clock;
    }

    /** Records up to {@code limit} newly expired keys and returns how many it recorded. */
    public int recordExpired(int limit) {
        Instant now = clock.instant();
        List<ApiKey> expired = keys.findExpiredUnrecorded(now, limit);
        for (ApiKey key : expired) {
            keys.markExpiryRecorded(key.id());
            // The cache already refuses expired keys by date; evicting just frees the entry early.
            cache.evictKey(key.id());
            activities.record(Activity.of(
                    ActivityType.KEY_EXPIRED,
                    now,
                    Actor.SYSTEM,
                    "api_key",
                    key.id().value(),
                    Map.of(
                            "name",
                            key.name().value(),
                            "expiresAt",
                            key.expiresAt().toString())));
        }
        return expired.size();
    }
}
