package dev.latchkey.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A UTC clock that stands still until a test moves it, so that time passes without sleeping. */
public final class MutableClock extends Clock {
    /** An arbitrary, fixed starting point: tests must not depend on the real date. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private Instant now;

    public MutableClock() {
        this(START);
    }

    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public MutableClock advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards here");
        }
        now = now.plus(duration);
        return this;
    }

    public MutableClock setTo(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the domain works in UTC instants only");
    }
}
