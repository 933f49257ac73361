package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a well-formed key the slow way: one database read and one argon2id verification. Callers put a cache in
 * front of it; anything it rejects is rejected for the same reason a client is told nothing about.
 */
public final class ApiKeyVerifier {
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final SecretHasher hasher;
    private final Clock clock;

    public ApiKeyVerifier(ApiKeyRepository keys, UserRepository users, SecretHasher hasher, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The key's verified facts, or empty when it is unknown, wrong, not active or its owner may no longer use it. */
    public Optional<VerifiedKey> verify(PlaintextApiKey presented) {
        Optional<ApiKey> stored = keys.findById(presented.id());
        if (stored.isEmpty() || !hasher.verify(stored.get().secretHash(), presented.reveal())) {
            return Optional.empty();
        }
        ApiKey key = stored.get();
        Instant now = clock.instant();
        Optional<User> owner = users.findById(key.ownerId());
        if (owner.isEmpty() || key.effectiveScopes(owner.get(), now).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new VerifiedKey(key.id(), key.ownerId(), owner.get().email().value(), key.scopes(), key.expiresAt()));
    }
}
