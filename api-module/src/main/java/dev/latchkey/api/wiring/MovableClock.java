package dev.latchkey.api.wiring;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the clock that tests can move. The server runs on it only with {@code latchkey.testing.clock-control}; every
 * other server runs on {@link java.time.Clock#systemUTC()}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface MovableClock {}
