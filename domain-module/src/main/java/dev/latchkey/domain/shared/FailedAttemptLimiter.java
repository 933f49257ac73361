package dev.latchkey.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts failed attempts per subject (an API key id, a client address, an account and address pair) and refuses a
 * subject after {@code maxFailures} failures within {@code window}, before any hashing is spent on it.
 *
 * <p>Memory is bounded however many subjects an attacker invents: at most {@code capacity} subjects are tracked,
 * each with at most {@code maxFailures} instants, and the least recently failed subject is forgotten first.
 *
 * @param <K> what attempts are counted per
 */
public final class FailedAttemptLimiter<K> {
    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_CAPACITY = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<K, Deque<Instant>> failures;

    /** {@value #MAX_FAILURES} failures a minute, for up to {@value #DEFAULT_CAPACITY} subjects. */
    public FailedAttemptLimiter(Clock clock) {
        this(clock, MAX_FAILURES, WINDOW, DEFAULT_CAPACITY);
    }

    public FailedAttemptLimiter(Clock clock, int maxFailures, Duration window, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (maxFailures < 1 || capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures, capacity and window must be positive");
        }
        this.maxFailures = maxFailures;
        // Access order: every failure moves its subject to the young end, so eviction drops the stalest.
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Deque<Instant>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long the caller must wait before this subject is tried again, if it is locked out now. */
    public Optional<Duration> retryAfter(K id) {
        Instant now = clock.instant();
        synchronized (failures) {
            Deque<Instant> recent = failures.get(id);
            if (recent == null) {
                return Optional.empty();
            }
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(waitUntilOldestAgesOut(recent, now));
        }
    }

    /** How many failures this subject has had within the window. */
    public int recentFailures(K id) {
        Instant now = clock.instant();
        synchronized (failures) {
            Deque<Instant> recent = failures.get(id);
            if (recent == null) {
                return 0;
            }
            prune(recent, now);
            return recent.size();
        }
    }

    /** How long until this subject's oldest counted failure ages out; one second if it has none. */
    public Duration untilOldestAgesOut(K id) {
        Instant now = clock.instant();
        synchronized (failures) {
            Deque<Instant> recent = failures.get(id);
            if (recent == null) {
                return Duration.ofSeconds(1);
            }
            prune(recent, now);
            return recent.isEmpty() ? Duration.ofSeconds(1) : waitUntilOldestAgesOut(recent, now);
        }
    }

    /** Counts a failure now; returns its instant, which {@link #forget} takes to withdraw exactly this one. */
    public Instant recordFailure(K id) {
        return recordFailure(id, clock.instant());
    }

    /** Counts a failure at {@code now}, the instant one attempt is counted at in every table it touches. */
    Instant recordFailure(K id, Instant now) {
        synchronized (failures) {
            Deque<Instant> recent = failures.computeIfAbsent(id, ignored -> new ArrayDeque<>());
            prune(recent, now);
            recent.addLast(now);
            // Only the newest maxFailures matter for the decision.
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
        return now;
    }

    /** Withdraws one failure counted at {@code at}, for an attempt that was counted before it turned out right. */
    public void forget(K id, Instant at) {
        synchronized (failures) {
            Deque<Instant> recent = failures.get(id);
            if (recent != null) {
                recent.removeLastOccurrence(at);
            }
        }
    }

    /** How many subjects are tracked now; never more than the capacity. */
    int size() {
        synchronized (failures) {
            return failures.size();
        }
    }

    private Duration waitUntilOldestAgesOut(Deque<Instant> recent, Instant now) {
        Duration wait = Duration.between(now, recent.peekFirst().plus(window));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
