package dev.latchkey.api.security;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request refused by {@link AuthenticationFilter} before any resource code ran: the status, the error code and a
 * detail in the caller's words, never the credential itself. The rest package words it in the API's one error shape,
 * so that security does not import its caller.
 */
public final class AccessRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Optional<Duration> retryAfter;

    AccessRefused(int status, String code, String detail) {
        this(status, code, detail, Optional.empty());
    }

    AccessRefused(int status, String code, String detail, Optional<Duration> retryAfter) {
        // A refusal is an expected answer, often to a flood: no stack trace to fill or log.
        super(detail, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** How long a throttled caller should wait, for the {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
