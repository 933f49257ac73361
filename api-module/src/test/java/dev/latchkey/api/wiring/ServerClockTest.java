package dev.latchkey.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    private final Clock movable = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger lookups = new AtomicInteger();
    private final Supplier<Clock> movableClock = () -> {
        lookups.incrementAndGet();
        return movable;
    };

    @Test
    void productionRunsOnTheSystemUtcClockWithoutLookingUpTheMovableOne() {
        assertThat(DomainServices.serverClock(false, movableClock)).isEqualTo(Clock.systemUTC());
        assertThat(lookups).hasValue(0);
    }

    @Test
    void onlyClockControlMakesTheServerClockMovable() {
        assertThat(DomainServices.serverClock(true, movableClock)).isSameAs(movable);
    }
}
