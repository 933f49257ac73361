package dev.latchkey.domain.shared;

import java.time.Duration;
import java.util.Objects;

/** The server is already doing as much expensive work (argon2 hashing) as it has cores for; try again shortly. */
public final class CapacityExceededException extends ServiceUnavailableException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public CapacityExceededException(String message, Duration retryAfter) {
        super("server_busy", message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
