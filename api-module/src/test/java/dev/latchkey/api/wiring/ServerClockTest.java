package dev.latchkey.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.security.ControllableClock;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    private final ControllableClock controllable = new ControllableClock(Clock.systemUTC());

    @Test
    void productionRunsOnTheSystemUtcClock() {
        assertThat(DomainServices.serverClock(false, controllable)).isEqualTo(Clock.systemUTC());
    }

    @Test
    void onlyClockControlMakesTheServerClockMovable() {
        assertThat(DomainServices.serverClock(true, controllable)).isSameAs(controllable);
    }
}
