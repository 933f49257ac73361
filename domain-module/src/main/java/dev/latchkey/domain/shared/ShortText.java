package dev.latchkey.domain.shared;

import java.util.Optional;

/** The one rule for short display text such as names: trimmed, 1 to a maximum number of characters. */
public final class ShortText {
    private ShortText() {}

    /** Whether {@code value} is already trimmed, not empty and at most {@code maxLength} characters. */
    public static boolean isTrimmed(String value, int maxLength) {
        return !value.isEmpty() && value.length() <= maxLength && value.equals(value.strip());
    }

    /** {@code text} trimmed, or empty when it is missing, blank or longer than {@code maxLength} once trimmed. */
    public static Optional<String> trim(String text, int maxLength) {
        return Optional.ofNullable(text).map(String::strip).filter(trimmed -> isTrimmed(trimmed, maxLength));
    }
}
