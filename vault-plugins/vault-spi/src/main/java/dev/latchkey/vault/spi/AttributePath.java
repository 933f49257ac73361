package dev.latchkey.vault.spi;

import java.util.List;

/**
 * Which part of a configuration a {@link Diagnostic} is about, such as {@code max_versions}.
 * Nested steps are allowed for future structured attributes; {@link #ROOT} means the
 * configuration as a whole.
 *
 * @param steps attribute names from the outside in; empty for the root
 */
public record AttributePath(List<String> steps) {

    /** The configuration as a whole. */
    public static final AttributePath ROOT = new AttributePath(List.of());

    /** Copies the steps and rejects blank ones. */
    public AttributePath {
        steps = List.copyOf(steps);
        if (steps.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("attribute path steps must not be blank");
        }
    }

    /**
     * The path of a top-level attribute.
     *
     * @param attribute its name
     * @return the path
     */
    public static AttributePath of(String attribute) {
        return new AttributePath(List.of(attribute));
    }

    /** Whether this is the root. */
    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** Dotted form, such as {@code max_versions}; {@code (config)} for the root. */
    @Override
    public String toString() {
        return isRoot() ? "(config)" : String.join(".", steps);
    }
}
