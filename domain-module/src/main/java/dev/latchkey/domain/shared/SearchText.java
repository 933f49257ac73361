package dev.latchkey.domain.shared;

import java.util.Objects;

/** The text a list is narrowed to, trimmed; {@link #ANY} narrows nothing. */
public record SearchText(String value) {
    public static final SearchText ANY = new SearchText("");

    public SearchText {
        Objects.requireNonNull(value, "value");
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException("search text is trimmed");
        }
    }

    /** An absent or blank filter is {@link #ANY}. */
    public static SearchText of(String text) {
        return text == null ? ANY : new SearchText(text.strip());
    }
}
