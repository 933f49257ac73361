package dev.latchkey.domain.shared;

import java.time.Duration;
import java.util.Objects;

/** Too many failed attempts in a short time; the caller may try again after {@link #retryAfter()}. */
public final class TooManyAttemptsException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public TooManyAttemptsException(String message, Duration retryAfter) {
        super("too_many_attempts", message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
