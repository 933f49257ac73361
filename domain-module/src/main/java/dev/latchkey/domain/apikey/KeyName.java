package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Locale;

/** A key's name: trimmed, 1–100 characters; names are unique among live keys regardless of case. */
public record KeyName(String value) {
    public static final int MAX_LENGTH = 100;

    public KeyName {
        if (value == null
                || value.isEmpty()
                || value.codePointCount(0, value.length()) > MAX_LENGTH
                || value.chars().anyMatch(Character::isISOControl)
                || !value.equals(value.strip())) {
            throw new IllegalArgumentException("a key name is trimmed and 1-100 characters");
        }
    }

    public static KeyName parse(String raw, String field) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationException(new Violation(field, "name_required", "give the key a name"));
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new ValidationException(
                    new Violation(field, "name_too_long", "the name may be at most " + MAX_LENGTH + " characters"));
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(
                    new Violation(field, "name_invalid", "the name may not contain control characters"));
        }
        return new KeyName(trimmed);
    }

    /** The form uniqueness is checked on. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
