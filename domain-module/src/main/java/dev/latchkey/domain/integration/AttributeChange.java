package dev.latchkey.domain.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * One planned change: the JSON pointer of what changes ({@code /name}, {@code /config/max_versions}), its value
 * before and after as shown to people ({@value #SENSITIVE} for sensitive values, empty when unset), and whether it
 * forces a replacement.
 */
public record AttributeChange(
        String pointer,
        Kind kind,
        Optional<String> before,
        Optional<String> after,
        boolean sensitive,
        boolean forcesReplacement) {
    /** How a sensitive value appears in a plan. */
    public static final String SENSITIVE = "(sensitive)";
    /** How a value the platform chooses at apply time appears in a plan. */
    public static final String KNOWN_AFTER_APPLY = "(known after apply)";

    /** Whether the attribute is set for the first time, changed, or unset. */
    public enum Kind {
        ADD,
        CHANGE,
        REMOVE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AttributeChange {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
