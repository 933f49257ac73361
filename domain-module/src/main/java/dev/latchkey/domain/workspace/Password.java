package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;

/** Password rules for people: long enough to resist guessing, short enough to hash cheaply. */
public final class Password {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private Password() {}

    /** Returns {@code raw} when it meets the rules; a violation on {@code field} otherwise. Never echoes it. */
    public static String check(String raw, String field) {
        if (raw == null || raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
            throw new ValidationException(new Violation(
                    field,
                    "weak_password",
                    "the password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"));
        }
        return raw;
    }
}
