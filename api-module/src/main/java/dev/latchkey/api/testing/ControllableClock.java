package dev.latchkey.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock: the system's UTC clock plus an offset that only the test-only clock endpoint can move (and
 * only when {@code latchkey.testing.clock-control} is on). Lets black-box tests make keys and wizards expire without
 * sleeping.
 */
public final class ControllableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ControllableClock(Clock base) {
        this.base = base;
    }

    /**
     * The latest instant the clock may show: ISO-8601 text, the database and every date library agree up to here,
     * and past {@link Instant#MAX} every call to {@link #instant()} would throw, failing every request from then on.
     */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Moves the clock forward and returns the new time; time never goes back, because nothing in Latchkey expects
     * it to. Returns empty, and leaves the clock alone, if the move would take it past {@link #LATEST}.
     */
    public Optional<Instant> advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        Instant start = base.instant();
        Duration current = offset.get();
        // Compared as durations up to LATEST, so that no Instant or Duration arithmetic can overflow on the way.
        while (Duration.between(start, LATEST).minus(current).compareTo(amount) >= 0) {
            if (offset.compareAndSet(current, current.plus(amount))) {
                return Optional.of(instant());
            }
            current = offset.get();
        }
        return Optional.empty();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Latchkey keeps time in UTC");
    }
}
