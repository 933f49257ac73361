package dev.latchkey.domain.team;

import dev.latchkey.domain.shared.ShortText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Locale;
import java.util.Objects;

/** A team's name: 1 to 100 characters after trimming, unique in the workspace ignoring case. */
public record TeamName(String value) {
    public static final int MAX_LENGTH = 100;

    public TeamName {
        Objects.requireNonNull(value, "value");
        if (!ShortText.isTrimmed(value, MAX_LENGTH)) {
            throw new IllegalArgumentException("not a trimmed team name of 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** Trims {@code text}; a missing, blank or too long name is a violation on {@code field}. */
    public static TeamName parse(String text, String field) {
        return new TeamName(ShortText.trim(text, MAX_LENGTH)
                .orElseThrow(() -> new ValidationException(new Violation(
                        field, "invalid_name", "the team name must be 1 to " + MAX_LENGTH + " characters"))));
    }

    /** The form uniqueness is checked in. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
