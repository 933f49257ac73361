package dev.latchkey.domain.apikey;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The keys table: listing, reading, changing scopes and removing keys, for workspace administrators. */
public final class ApiKeyService {
    private final ApiKeyRepository keys;
    private final ActivityLog activities;
    private final CredentialCache cache;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, ActivityLog activities, CredentialCache cache, Clock clock) {
        this.keys = keys;
        this.activities = activities;
        this.cache = cache;
        this.clock = clock;
    }

    public Page<ApiKey> list(User actor, ApiKeyQuery query, PageRequest page) {
        actor.requireAdministrator("managing API keys");
        return keys.page(query, page, clock.instant());
    }

    public ApiKey get(User actor, ApiKeyId id) {
        actor.requireAdministrator("managing API keys");
        return find(id);
    }

    public ApiKey changeScopes(User actor, ApiKeyId id, ScopeSet scopes) {
        actor.requireAdministrator("managing API keys");
        ApiKey key = find(id);
        Instant now = clock.instant();
        ScopeSet before = key.scopes();
        key.changeScopes(actor, scopes, now);
        keys.save(key);
        cache.evictKey(id);
        activities.record(Activity.of(
                ActivityType.KEY_SCOPES_CHANGED,
                now,
                Actor.of(actor),
                "api_key",
                id.value(),
                Map.of(
                        "name",
                        key.name().value(),
                        "from",
                        String.join(" ", before.wireNames()),
                        "to",
                        String.join(" ", scopes.wireNames()))));
        return key;
    }

    public ApiKey remove(User actor, ApiKeyId id) {
        actor.requireAdministrator("managing API keys");
        ApiKey key = find(id);
        Instant now = clock.instant();
        if (key.remove(actor, now)) {
            keys.save(key);
            cache.evictKey(id);
            activities.record(Activity.of(
                    ActivityType.KEY_REMOVED,
                    now,
                    Actor.of(actor),
                    "api_key",
                    id.value(),
                    Map.of("name", key.name().value())));
        }
        return key;
    }

    /** Pending keys belong to a wizard and are not keys yet, so they are not found here. */
    private ApiKey find(ApiKeyId id) {
        return keys.findById(id)
                .filter(ApiKey::acknowledged)
                .orElseThrow(() -> new NotFoundException("api_key_not_found", "no API key with id " + id));
    }
}
