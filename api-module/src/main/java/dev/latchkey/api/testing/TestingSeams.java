package dev.latchkey.api.testing;

import dev.latchkey.api.wiring.MovableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Supplies the movable clock. The server looks it up only when it runs with {@code latchkey.testing.clock-control}; the
 * clock endpoint moves it.
 */
@ApplicationScoped
public class TestingSeams { // not final: CDI proxies application-scoped beans by subclassing
    private final ControllableClock clock = new ControllableClock(Clock.systemUTC());

    @Produces
    @Singleton
    @Typed(ControllableClock.class)
    ControllableClock controllableClock() {
        return clock;
    }

    @Produces
    @Singleton
    @MovableClock
    Clock movableClock() {
        return clock;
    }
}
