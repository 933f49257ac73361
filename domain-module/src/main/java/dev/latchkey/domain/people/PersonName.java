package dev.latchkey.domain.people;

import dev.latchkey.domain.shared.ShortText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Objects;

/** How a new person is shown: 1 to 100 characters after trimming. */
public record PersonName(String value) {
    public static final int MAX_LENGTH = 100;

    public PersonName {
        Objects.requireNonNull(value, "value");
        if (!ShortText.isTrimmed(value, MAX_LENGTH)) {
            throw new IllegalArgumentException("not a trimmed name of 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** Trims {@code text}; a missing, blank or too long name is a violation on {@code field}. */
    public static PersonName parse(String text, String field) {
        return new PersonName(ShortText.trim(text, MAX_LENGTH)
                .orElseThrow(() -> new ValidationException(
                        new Violation(field, "invalid_name", "the name must be 1 to " + MAX_LENGTH + " characters"))));
    }

    @Override
    public String toString() {
        return value;
    }
}
