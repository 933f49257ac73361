package dev.latchkey.domain.shared;

/**
 * An expected business failure, worded for the person who caused it and carrying a stable machine code.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable snake_case code that clients may switch on, such as {@code wizard_step_conflict}. */
    public String code() {
        return code;
    }
}
