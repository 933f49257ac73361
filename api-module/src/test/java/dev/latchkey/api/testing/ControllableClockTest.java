package dev.latchkey.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ControllableClockTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final ControllableClock clock = new ControllableClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void movesForwardByTheAmountAsked() {
        assertThat(clock.advance(Duration.ofHours(1))).contains(NOW.plusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void refusesAMovePastTheLatestInstantAndKeepsTelling() {
        // Once made, a move by Long.MAX_VALUE seconds left every later instant() throwing, so every request failed.
        assertThat(clock.advance(Duration.ofSeconds(Long.MAX_VALUE))).isEmpty();

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.offset()).isZero();
    }

    @Test
    void movesUpToTheLatestInstantButNotOneSecondBeyond() {
        Duration all = Duration.between(NOW, ControllableClock.LATEST);
        assertThat(clock.advance(all.minusSeconds(1))).contains(ControllableClock.LATEST.minusSeconds(1));

        assertThat(clock.advance(Duration.ofSeconds(2))).isEmpty();
        assertThat(clock.advance(Duration.ofSeconds(1))).contains(ControllableClock.LATEST);
    }
}
