package dev.latchkey.domain.shared;

/** The thing asked for does not exist, or exists but the caller may not know that it does. */
public class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
