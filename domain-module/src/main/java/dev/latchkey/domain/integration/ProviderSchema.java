package dev.latchkey.domain.integration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A discovered vault plugin: its id, description, where it came from and its configuration schema. */
public record ProviderSchema(String id, String description, String origin, List<AttributeSpec> attributes) {
    public ProviderSchema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
        attributes = List.copyOf(attributes);
    }

    public Optional<AttributeSpec> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean isSensitive(String name) {
        return attribute(name).map(AttributeSpec::sensitive).orElse(false);
    }
}
