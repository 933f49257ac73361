package dev.latchkey.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** Moves the clock forward; time never goes back, because nothing in Latchkey expects it to. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
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
