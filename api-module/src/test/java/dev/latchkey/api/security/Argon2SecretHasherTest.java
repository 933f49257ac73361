package dev.latchkey.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.api.config.Argon2Parameters;
import dev.latchkey.domain.shared.CapacityExceededException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Argon2SecretHasherTest {
    private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

    @Test
    void hashesAndVerifiesWhileATurnIsFree() {
        Argon2SecretHasher hasher = new Argon2SecretHasher(CHEAP, 1, Duration.ZERO);

        String hash = hasher.hash("a secret");

        assertThat(hasher.verify(hash, "a secret")).isTrue();
        assertThat(hasher.verify(hash, "another")).isFalse();
    }

    @Test
    void whenEveryTurnIsTakenHashingIsRefusedAsBusyInsteadOfQueueingWithoutBound() {
        Argon2SecretHasher hasher = new Argon2SecretHasher(CHEAP, 1, Duration.ofMillis(20));
        String hash = hasher.hash("a secret");

        hasher.inTurn(() -> {
            assertThatThrownBy(() -> hasher.verify(hash, "a secret"))
                    .isInstanceOf(CapacityExceededException.class)
                    .satisfies(e -> assertThat(((CapacityExceededException) e).retryAfter())
                            .isPositive())
                    .satisfies(e ->
                            assertThat(((CapacityExceededException) e).code()).isEqualTo("server_busy"));
            assertThatThrownBy(() -> hasher.hash("x")).isInstanceOf(CapacityExceededException.class);
            return null;
        });

        assertThat(hasher.verify(hash, "a secret")).as("the turn is given back").isTrue();
    }

    @Test
    void aHashOfAnotherAlgorithmIsRejectedWithoutTakingATurn() {
        Argon2SecretHasher hasher = new Argon2SecretHasher(CHEAP, 1, Duration.ZERO);

        hasher.inTurn(() -> {
            assertThat(hasher.verify("$2a$10$notargon", "a secret")).isFalse();
            return null;
        });
    }
}
