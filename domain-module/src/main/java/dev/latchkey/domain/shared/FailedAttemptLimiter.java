package dev.latchkey.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per subject (an API key id, a sign-in email) and refuses a subject after
 * {@link #MAX_FAILURES} failures within {@link #WINDOW}, before any hashing is spent on it. Memory stays bounded:
 * subjects whose failures have aged out are dropped whenever the table grows past {@link #SWEEP_THRESHOLD}.
 *
 * @param <K> what attempts are counted per
 */
public final class FailedAttemptLimiter<K> {
    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    static final int SWEEP_THRESHOLD = 10_000;

    private final Map<K, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public FailedAttemptLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before this subject is tried again, if it is locked out now. */
    public Optional<Duration> retryAfter(K id) {
        Deque<Instant> recent = failures.get(id);
        if (recent == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
    }

    public void recordFailure(K id) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_THRESHOLD) {
            sweep(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(id, ignored -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
            // Only the newest MAX_FAILURES matter for the decision.
            while (recent.size() > MAX_FAILURES) {
                recent.removeFirst();
            }
        }
    }

    private void sweep(Instant now) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
