package dev.latchkey.vault.spi;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A configuration that passed its {@link ConfigSchema}'s checks, holding typed values. Obtained
 * from {@link ConfigSchema#parse}; read it with the plugin's {@link Attribute} constants.
 *
 * <p>{@link #toString()} prints sensitive values as {@code ***}.
 */
public final class VaultConfig {

    private final ConfigSchema schema;
    private final Map<String, Object> values;

    VaultConfig(ConfigSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = Map.copyOf(values);
    }

    /**
     * The value of an attribute, or its default.
     *
     * @param attribute an attribute of this configuration's schema
     * @param <T>       its Java type
     * @return the value, or empty when the attribute is optional, unset and without default
     * @throws IllegalArgumentException when the attribute is not part of the schema
     */
    public <T> Optional<T> value(Attribute<T> attribute) {
        if (!schema.attributes().contains(attribute)) {
            throw new IllegalArgumentException("attribute " + attribute.name() + " is not in this schema");
        }
        return Optional.ofNullable(values.get(attribute.name()))
                .map(attribute.type().javaType()::cast);
    }

    /**
     * The value of an attribute that is required or has a default.
     *
     * @param attribute an attribute of this configuration's schema
     * @param <T>       its Java type
     * @return the value
     * @throws IllegalStateException when the attribute is optional without default and unset
     */
    public <T> T require(Attribute<T> attribute) {
        return value(attribute)
                .orElseThrow(() -> new IllegalStateException(
                        "attribute " + attribute.name() + " is neither required nor defaulted"));
    }

    /** The schema this configuration conforms to. */
    public ConfigSchema schema() {
        return schema;
    }

    /** Same schema and equal values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof VaultConfig that && schema.equals(that.schema) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Every set value, sensitive ones as {@code ***}. */
    @Override
    public String toString() {
        return schema.attributes().stream()
                .filter(a -> values.containsKey(a.name()))
                .map(a -> a.name() + "=" + a.printable(values.get(a.name())))
                .collect(Collectors.joining(", ", "VaultConfig{", "}"));
    }
}
