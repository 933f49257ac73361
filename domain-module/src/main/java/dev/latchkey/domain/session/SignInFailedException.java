package dev.latchkey.domain.session;

import dev.latchkey.domain.shared.DomainException;

/** Wrong email or password, or a disabled account; the message does not say which. */
public final class SignInFailedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public SignInFailedException() {
        super("invalid_credentials", "the email or password is wrong");
    }
}
