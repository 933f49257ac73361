package dev.latchkey.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptLimiterTest {
    private static final ApiKeyId ATTACKED = new ApiKeyId("AAAAAAAAAAAA");
    private static final ApiKeyId BYSTANDER = new ApiKeyId("BBBBBBBBBBBB");

    private final MutableClock clock = new MutableClock();
    private final FailedAttemptLimiter<ApiKeyId> limiter = new FailedAttemptLimiter<ApiKeyId>(clock);

    /** Records {@code count} failures for {@code id}, one second apart, starting now. */
    private void fail(ApiKeyId id, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            limiter.recordFailure(id);
        }
    }

    @Test
    void unknownIdIsNotLocked() {
        assertThat(limiter.retryAfter(ATTACKED)).isEmpty();
    }

    @Test
    void nineFailuresDoNotLock() {
        fail(ATTACKED, 9);

        assertThat(limiter.retryAfter(ATTACKED)).isEmpty();
    }

    @Test
    void tenFailuresWithinAMinuteLockUntilTheFirstAgesOut() {
        Instant first = clock.instant();
        fail(ATTACKED, 10);

        assertThat(limiter.retryAfter(ATTACKED)).contains(Duration.between(clock.instant(), first.plusSeconds(60)));
        assertThat(limiter.retryAfter(ATTACKED))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive());
    }

    @Test
    void otherIdsAreUnaffected() {
        fail(ATTACKED, 10);
        limiter.recordFailure(BYSTANDER);

        assertThat(limiter.retryAfter(ATTACKED)).isPresent();
        assertThat(limiter.retryAfter(BYSTANDER)).isEmpty();
    }

    @Test
    void lockLiftsWhenTheWindowPasses() {
        Instant first = clock.instant();
        fail(ATTACKED, 10);

        clock.setTo(first.plus(Duration.ofMinutes(1)).minusMillis(1));
        assertThat(limiter.retryAfter(ATTACKED)).contains(Duration.ofMillis(1));

        clock.setTo(first.plus(Duration.ofMinutes(1)));
        assertThat(limiter.retryAfter(ATTACKED)).isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLock() {
        for (int i = 0; i < 30; i++) {
            limiter.recordFailure(ATTACKED);
            assertThat(limiter.retryAfter(ATTACKED))
                    .as("after failure %d", i + 1)
                    .isEmpty();
            clock.advance(Duration.ofSeconds(7));
        }
    }

    @Test
    void inventingSubjectsNeverGrowsTheTablePastItsCapacity() {
        FailedAttemptLimiter<String> small = new FailedAttemptLimiter<>(clock, 3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("subject-" + i);
        }

        assertThat(small.size()).isEqualTo(100);
        assertThat(small.recentFailures("subject-9999"))
                .as("the newest are kept")
                .isEqualTo(1);
        assertThat(small.recentFailures("subject-0"))
                .as("the stalest are forgotten")
                .isZero();
    }
}
