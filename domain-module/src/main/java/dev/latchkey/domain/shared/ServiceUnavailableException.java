package dev.latchkey.domain.shared;

/** Something the platform depends on (a vault plugin, its storage) failed; the request may succeed later. */
public class ServiceUnavailableException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String code, String message) {
        super(code, message);
    }
}
