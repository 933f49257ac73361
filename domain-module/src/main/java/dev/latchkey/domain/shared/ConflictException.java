package dev.latchkey.domain.shared;

/** The request is valid but clashes with the current state (a wizard step, a unique name, a version). */
public class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
