package dev.latchkey.vault.spi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The declarative description of a plugin's configuration, after Terraform's provider schemas.
 *
 * <p>{@link #parse(Map)} performs the checks every plugin needs (unknown attribute, required
 * attribute missing, value of the wrong type, each attribute's validators) and reports all
 * problems at once, each with the attribute's path. Sensitive values are never quoted.
 *
 * @param attributes the attributes, in the order forms should show them
 */
public record ConfigSchema(List<Attribute<?>> attributes) {

    /** Copies the list and rejects duplicate names. */
    public ConfigSchema {
        attributes = List.copyOf(attributes);
        Set<String> names = new HashSet<>();
        for (Attribute<?> attribute : attributes) {
            if (!names.add(attribute.name())) {
                throw new IllegalArgumentException("duplicate attribute " + attribute.name());
            }
        }
    }

    /**
     * A schema of the given attributes.
     *
     * @param attributes the attributes
     * @return the schema
     */
    public static ConfigSchema of(Attribute<?>... attributes) {
        return new ConfigSchema(List.of(attributes));
    }

    /**
     * The attribute with a name.
     *
     * @param name an attribute name
     * @return the attribute, or empty when the schema has none of that name
     */
    public Optional<Attribute<?>> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * Parses and checks raw settings.
     *
     * @param raw attribute name to the value as the user typed it
     * @return the typed configuration, or every problem found
     */
    public Result<VaultConfig> parse(Map<String, String> raw) {
        Objects.requireNonNull(raw, "raw");
        Diagnostics diagnostics = unknownAttributes(raw.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute<?> attribute : attributes) {
            diagnostics = diagnostics.and(parseInto(attribute, Optional.ofNullable(raw.get(attribute.name())), values));
        }
        return diagnostics.hasErrors()
                ? Result.failed(diagnostics)
                : new Result.Ok<>(new VaultConfig(this, values), diagnostics);
    }

    /**
     * Names the attributes whose change turns an update into a replacement: different storage,
     * hence a new, empty vault instance.
     *
     * @param before the running configuration
     * @param after  the requested one
     * @return the names of changed {@link Attribute#requiresReplace()} attributes, sorted
     */
    public List<String> changesRequiringReplace(VaultConfig before, VaultConfig after) {
        return attributes.stream()
                .filter(Attribute::requiresReplace)
                .filter(a -> !before.value(a).equals(after.value(a)))
                .map(Attribute::name)
                .sorted()
                .toList();
    }

    private Diagnostics unknownAttributes(Set<String> given) {
        Set<String> known = attributes.stream().map(Attribute::name).collect(Collectors.toCollection(TreeSet::new));
        List<Diagnostic> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!known.contains(name)) {
                unknown.add(new Diagnostic(
                        Severity.ERROR,
                        "Unknown attribute",
                        "This vault has no attribute \"" + name + "\"; remove it"
                                + (known.isEmpty() ? "." : " or use one of: " + String.join(", ", known) + "."),
                        unknownPath(name)));
            }
        }
        return new Diagnostics(unknown);
    }

    private static AttributePath unknownPath(String name) {
        // An unknown key may be any text; keep the path usable even when it is blank.
        return name.isBlank() ? AttributePath.ROOT : AttributePath.of(name);
    }

    private static <T> Diagnostics parseInto(
            Attribute<T> attribute, Optional<String> text, Map<String, Object> values) {
        if (text.isEmpty()) {
            attribute.defaultValue().ifPresent(value -> values.put(attribute.name(), value));
            return attribute.required()
                    ? Diagnostics.of(Diagnostic.error(
                            attribute.name(),
                            "Missing required attribute",
                            "Set " + attribute.name() + ": " + attribute.description()))
                    : Diagnostics.NONE;
        }
        Optional<T> parsed = attribute.type().parse(text.get());
        if (parsed.isEmpty()) {
            String given = attribute.sensitive() ? "" : " (got \"" + text.get() + "\")";
            return Diagnostics.of(Diagnostic.error(
                    attribute.name(),
                    "Wrong type",
                    "Set " + attribute.name() + " to " + attribute.type().expected() + given + "."));
        }
        values.put(attribute.name(), parsed.get());
        Diagnostics found = Diagnostics.NONE;
        for (AttributeValidator<T> validator : attribute.validators()) {
            found = found.and(validator.validate(attribute, parsed.get()));
        }
        return found;
    }
}
