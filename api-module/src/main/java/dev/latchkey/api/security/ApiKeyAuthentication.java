package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyVerifier;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.apikey.VerifiedKey;
import dev.latchkey.domain.shared.ClientAddress;
import dev.latchkey.domain.shared.CredentialThrottle;
import dev.latchkey.domain.shared.TooManyAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The X-API-Key request path, cheapest check first: shape and checksum (no I/O), the verified-key cache (one HMAC),
 * the failed-attempt limits per client address and per key id (no hashing: {@link CredentialThrottle}), and only then
 * a database read and an argon2id verification.
 */
@ApplicationScoped
public class ApiKeyAuthentication {
    /** What became of a presented key. */
    public sealed interface Outcome {
        record Accepted(VerifiedKey key) implements Outcome {}

        record Rejected() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}
    }

    private static final Outcome REJECTED = new Outcome.Rejected();

    @Inject
    ApiKeyVerifier verifier;

    @Inject
    CredentialThrottle<ApiKeyId> throttle;

    @Inject
    VerifiedKeyCache cache;

    @Inject
    SecurityEvents events;

    @Inject
    KeyUsage usage;

    @Inject
    Clock clock;

    /** Checks the key in {@code header}, sent from {@code from}. */
    public Outcome authenticate(String header, ClientAddress from) {
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
            CredentialThrottle<ApiKeyId>.Attempt attempt;
            try {
                attempt = throttle.begin(from, Optional.of(key.id()));
            } catch (TooManyAttemptsException throttled) {
                return new Outcome.Throttled(throttled.retryAfter());
            }
            try (attempt) {
                long generation = cache.generation();
                verified = verifier.verify(key);
                if (verified.isEmpty()) {
                    attempt.failed();
                    events.keyRejected(key.id());
                    return REJECTED;
                }
                cache.put(generation, fingerprint, verified.get());
            }
        }
        if (verified.get().expiredAt(clock.instant())) {
            return REJECTED;
        }
        usage.used(key.id());
        return new Outcome.Accepted(verified.get());
    }
}
