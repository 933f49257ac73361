package dev.latchkey.domain.apikey;

import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workspace.User;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Keys issued the way the wizard issues them, for tests that start after the wizard. */
final class TestKeys {
    static final Instant ISSUED_AT = MutableClock.START;
    static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(30));
    static final ScopeSet SCOPES = ScopeSet.of(Scope.READ_ITEMS, Scope.READ_USERS);

    private static final SplittableRandom RANDOM = new SplittableRandom(11);

    private TestKeys() {}

    /** A key and the plaintext it was issued for. */
    record Issued(ApiKey key, PlaintextApiKey plaintext) {}

    static Issued issue(User owner, SecretHasher hasher, boolean acknowledged) {
        PlaintextApiKey plaintext = PlaintextApiKey.generate(RANDOM);
        ApiKey key = ApiKey.issue(
                plaintext,
                hasher.hash(plaintext.reveal()),
                new KeyName("key " + plaintext.id()),
                owner.id(),
                SCOPES,
                ISSUED_AT,
                EXPIRES_AT);
        if (acknowledged) {
            key.acknowledge();
        }
        return new Issued(key, plaintext);
    }

    /** An acknowledged key with a placeholder hash, for tests that never verify a secret. */
    static ApiKey active(User owner) {
        ApiKey key = ApiKey.issue(
                PlaintextApiKey.generate(RANDOM),
                "unused-hash",
                new KeyName("a key"),
                owner.id(),
                SCOPES,
                ISSUED_AT,
                EXPIRES_AT);
        key.acknowledge();
        return key;
    }

    /** {@code key} with its secret part replaced and the checksum fixed up: same id, well-formed, wrong secret. */
    static PlaintextApiKey sameIdOtherSecret(PlaintextApiKey key) {
        String whole = key.reveal();
        int secretStart = PlaintextApiKey.PREFIX.length() + ApiKeyId.LENGTH + 1;
        String body = whole.substring(0, secretStart) + "0".repeat(PlaintextApiKey.SECRET_LENGTH);
        return PlaintextApiKey.parse(body + PlaintextApiKey.checksum(body)).orElseThrow();
    }
}
