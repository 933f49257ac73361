package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that sign-in and uniqueness ignore case. */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_LENGTH = 254;

    public Email {
        if (value == null
                || value.length() > MAX_LENGTH
                || !SHAPE.matcher(value).matches()
                || !value.equals(value.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a normalized email address");
        }
    }

    /** Parses client input; a bad address is a violation on {@code field}. */
    public static Email parse(String raw, String field) {
        String normalized = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            throw new ValidationException(
                    new Violation(field, "invalid_email", "enter an email address like ada@example.com"));
        }
        return new Email(normalized);
    }

    @Override
    public String toString() {
        return value;
    }
}
