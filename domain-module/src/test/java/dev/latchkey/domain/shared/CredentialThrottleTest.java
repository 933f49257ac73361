package dev.latchkey.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CredentialThrottleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.9");
    private static final ClientAddress OWNER = new ClientAddress("198.51.100.4");

    @Test
    void aBurstOfParallelGuessesGetsNoMoreChecksThanTheLimit() throws Exception {
        CredentialThrottle<String> throttle = new CredentialThrottle<>(CLOCK, "sign-ins");
        int guesses = 50;
        CountDownLatch allChecked = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                admitted.add(pool.submit(() -> {
                    try (CredentialThrottle<String>.Attempt attempt = throttle.begin(ATTACKER, Optional.of("ada"))) {
                        // Every admitted guess is still "being hashed" while the others arrive.
                        allChecked.await(200, TimeUnit.MILLISECONDS);
                        attempt.failed();
                        return true;
                    } catch (TooManyAttemptsException refused) {
                        return false;
                    }
                }));
            }
            int checks = 0;
            for (Future<Boolean> each : admitted) {
                checks += each.get() ? 1 : 0;
            }
            allChecked.countDown();

            // Checked and counted in one step: never more parallel checks than the per-pair limit.
            assertThat(checks).isEqualTo(CredentialThrottle.PER_PAIR);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCorrectCredentialIsNotCountedAsAFailure() {
        // A ticking clock: the tables must still withdraw the very instant they counted.
        Clock ticking = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1));
        CredentialThrottle<String> throttle = new CredentialThrottle<>(ticking, "sign-ins");
        for (int i = 0; i < CredentialThrottle.ACCOUNT_UNDER_ATTACK; i++) {
            try (CredentialThrottle<String>.Attempt attempt =
                    throttle.begin(new ClientAddress("192.0.2." + (i % 200)), Optional.of("ada"))) {
                attempt.failed();
            }
        }

        for (int i = 0; i < CredentialThrottle.PER_PAIR * 3; i++) {
            try (CredentialThrottle<String>.Attempt attempt = throttle.begin(OWNER, Optional.of("ada"))) {
                // right password: closed without failed()
                assertThat(attempt).isNotNull();
            }
        }

        try (CredentialThrottle<String>.Attempt attempt = throttle.begin(OWNER, Optional.of("ada"))) {
            assertThat(attempt).isNotNull();
        }
    }

    @Test
    void wrongGuessesLockOutTheirPairButNotTheOwnersAddress() {
        CredentialThrottle<String> throttle = new CredentialThrottle<>(CLOCK, "sign-ins");
        for (int i = 0; i < CredentialThrottle.PER_PAIR; i++) {
            try (CredentialThrottle<String>.Attempt attempt = throttle.begin(ATTACKER, Optional.of("ada"))) {
                attempt.failed();
            }
        }

        assertThatThrownBy(() -> throttle.begin(ATTACKER, Optional.of("ada")))
                .isInstanceOf(TooManyAttemptsException.class);
        try (CredentialThrottle<String>.Attempt attempt = throttle.begin(OWNER, Optional.of("ada"))) {
            assertThat(attempt).isNotNull();
        }
    }
}
