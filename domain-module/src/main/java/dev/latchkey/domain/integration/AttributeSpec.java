package dev.latchkey.domain.integration;

import java.util.Objects;
import java.util.Optional;

/**
 * What the platform needs to know about one attribute of a provider's schema to plan changes and store values:
 * sensitive values are write-only and encrypted at rest; a change of a {@code requiresReplace} attribute means a new
 * vault instance.
 */
public record AttributeSpec(
        String name,
        String type,
        boolean required,
        Optional<String> defaultText,
        boolean sensitive,
        boolean requiresReplace,
        String description) {
    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultText, "defaultText");
        Objects.requireNonNull(description, "description");
        // A sensitive default would be shown to anyone reading the schema.
        defaultText = sensitive ? Optional.empty() : defaultText;
    }
}
