package dev.latchkey.domain.shared;

/** The caller is known but lacks the role or scope the action needs; the message names what is missing. */
public class PermissionDeniedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String code, String message) {
        super(code, message);
    }
}
