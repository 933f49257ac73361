package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyRepository;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Writes that authentication makes on its own, each in a transaction of its own: they must land even though the
 * request that caused them is refused.
 */
@ApplicationScoped
public class SecurityEvents {
    @Inject
    ActivityLog activities;

    @Inject
    ApiKeyRepository keys;

    @Inject
    Clock clock;

    /** A presented key failed verification; only its public id is recorded. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keyRejected(ApiKeyId id) {
        activities.record(Activity.of(
                ActivityType.KEY_AUTHENTICATION_FAILED,
                clock.instant(),
                Actor.anonymous("api key " + id.masked()),
                "api_key",
                id.value(),
                Map.of()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keyUsed(ApiKeyId id, Instant at) {
        keys.recordUse(id, at);
    }
}
