package dev.latchkey.domain.item;

import dev.latchkey.domain.shared.ShortText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Objects;

/** A collection's name: 1 to 100 characters after trimming. */
public record CollectionName(String value) {
    public static final int MAX_LENGTH = 100;

    public CollectionName {
        Objects.requireNonNull(value, "value");
        if (!ShortText.isTrimmed(value, MAX_LENGTH)) {
            throw new IllegalArgumentException("not a trimmed collection name of 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** Trims {@code text}; a missing, blank or too long name is a violation on {@code field}. */
    public static CollectionName parse(String text, String field) {
        return new CollectionName(ShortText.trim(text, MAX_LENGTH)
                .orElseThrow(() -> new ValidationException(new Violation(
                        field, "invalid_name", field + " is required: 1 to " + MAX_LENGTH + " characters"))));
    }

    @Override
    public String toString() {
        return value;
    }
}
