package dev.latchkey.vault.spi;

import java.util.Objects;

/**
 * One finding about a configuration, as terraform-plugin-framework's diagnostics: what is wrong,
 * how to fix it, and where.
 *
 * @param severity whether it blocks the configuration
 * @param summary  a short phrase, such as "Missing required attribute"
 * @param detail   one or two sentences that tell the user how to fix it; never a secret value
 * @param path     the attribute concerned, or {@link AttributePath#ROOT}
 */
public record Diagnostic(Severity severity, String summary, String detail, AttributePath path) {

    /** Requires every part, and non-blank texts. */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        if (summary.isBlank() || detail.isBlank()) {
            throw new IllegalArgumentException("a diagnostic needs a summary and a detail");
        }
    }

    /**
     * An error about one attribute.
     *
     * @param attribute the attribute name
     * @param summary   what is wrong
     * @param detail    how to fix it
     * @return the diagnostic
     */
    public static Diagnostic error(String attribute, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, AttributePath.of(attribute));
    }

    /**
     * A warning about one attribute.
     *
     * @param attribute the attribute name
     * @param summary   what deserves attention
     * @param detail    what the user may want to do
     * @return the diagnostic
     */
    public static Diagnostic warning(String attribute, String summary, String detail) {
        return new Diagnostic(Severity.WARNING, summary, detail, AttributePath.of(attribute));
    }

    /**
     * An error about the configuration as a whole or its storage.
     *
     * @param summary what is wrong
     * @param detail  how to fix it
     * @return the diagnostic
     */
    public static Diagnostic error(String summary, String detail) {
        return new Diagnostic(Severity.ERROR, summary, detail, AttributePath.ROOT);
    }

    /** Whether it is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " at " + path + ": " + summary + ". " + detail;
    }
}
