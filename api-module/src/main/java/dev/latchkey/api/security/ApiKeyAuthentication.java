package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.shared.FailedAttemptLimiter;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.apikey.VerifiedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The X-API-Key request path, cheapest check first: shape and checksum (no I/O), the verified-key cache (one HMAC),
 * the failed-attempt limit (no hashing), and only then a database read and an argon2id verification.
 */
@ApplicationScoped
public class ApiKeyAuthentication {
    /** What became of a presented key. */
    public sealed interface Outcome {
        record Accepted(VerifiedKey key) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    private static final Outcome REJECTED = new Outcome.Rejected();

    @Inject
    ApiKeyVerifier verifier;

    @Inject
    FailedAttemptLimiter<ApiKeyId> limiter;

    @Inject
    VerifiedKeyCache cache;

    @Inject
    SecurityEvents events;

    @Inject
    KeyUsage usage;

    @Inject
    Clock clock;

    public Outcome authenticate(String header) {
        Optional<PlaintextApiKey> parsed = PlaintextApiKey.parse(header);
        if (parsed.isEmpty()) {
            return REJECTED;
        }
        PlaintextApiKey key = parsed.get();
        // The cache comes before the lockout: only the real key can be in it, so someone who floods a known key id
        // with wrong secrets cannot lock out a client that is already using the right one.
        VerifiedKeyCache.Fingerprint fingerprint = cache.fingerprint(key);
        Optional<VerifiedKey> verified = cache.get(fingerprint);
        if (verified.isEmpty()) {
            Optional<Duration> locked = limiter.retryAfter(key.id());
            if (locked.isPresent()) {
                return new Outcome.Throttled(locked.get());
            }
            long generation = cache.generation();
            verified = verifier.verify(key);
            if (verified.isEmpty()) {
                limiter.recordFailure(key.id());
                events.keyRejected(key.id());
                return REJECTED;
            }
            cache.put(generation, fingerprint, verified.get());
        }
        if (verified.get().expiredAt(clock.instant())) {
            return REJECTED;
        }
        usage.used(key.id());
        return new Outcome.Accepted(verified.get());
    }
}
