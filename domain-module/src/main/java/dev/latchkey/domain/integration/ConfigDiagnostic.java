package dev.latchkey.domain.integration;

import dev.latchkey.domain.shared.Violation;
import java.util.Objects;

/**
 * A plugin's finding about a configuration: severity, a short summary, a detail that says how to fix it, and the
 * attribute it concerns ({@code ""} for the configuration as a whole). Never holds a sensitive value.
 */
public record ConfigDiagnostic(boolean error, String summary, String detail, String attribute) {
    public ConfigDiagnostic {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(attribute, "attribute");
    }

    public String severity() {
        return error ? "error" : "warning";
    }

    /** The same finding as a field violation under the request's {@code config} member. */
    public Violation toViolation() {
        return new Violation(
                attribute.isEmpty() ? "config" : "config/" + attribute.replace('.', '/'),
                "invalid_config",
                summary + ": " + detail);
    }
}
