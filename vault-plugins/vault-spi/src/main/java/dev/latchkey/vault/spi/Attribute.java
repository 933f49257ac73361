package dev.latchkey.vault.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting of a plugin's configuration, declared once as a constant and used both in the
 * {@link ConfigSchema} and to read the parsed value:
 * <pre>{@code
 * static final Attribute<Long> MAX_VERSIONS = Attribute.integer("max_versions")
 *         .description("How many versions of each secret to keep; older ones are pruned.")
 *         .defaultValue(10L)
 *         .validator(Validators.atLeast(1))
 *         .build();
 * ...
 * long max = config.require(MAX_VERSIONS);
 * }</pre>
 *
 * @param name            lower-case snake_case, unique within the schema
 * @param type            how the text is parsed
 * @param required        whether the user must set it; a required attribute has no default
 * @param defaultValue    the value when the user sets none; empty for "no value"
 * @param sensitive       write-only: accepted, but never returned, logged or quoted in diagnostics
 *                        ({@link AttributeType#SECRET} attributes always are)
 * @param requiresReplace changing it means a new vault instance over different storage, not an
 *                        update of the running one
 * @param description     what it does, for documentation and forms
 * @param validators      rules run on the parsed value
 * @param <T>             the Java type of the value
 */
public record Attribute<T>(
        String name,
        AttributeType<T> type,
        boolean required,
        Optional<T> defaultValue,
        boolean sensitive,
        boolean requiresReplace,
        String description,
        List<AttributeValidator<T>> validators) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Validates the declaration; errors here are mistakes of the plugin author. */
    public Attribute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must be snake_case: " + name);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("attribute " + name + " needs a description");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("required attribute " + name + " cannot have a default");
        }
        sensitive = sensitive || type == AttributeType.SECRET;
        validators = List.copyOf(validators);
    }

    /**
     * Starts declaring a {@link AttributeType#STRING} attribute.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<String> string(String name) {
        return new Builder<>(name, AttributeType.STRING);
    }

    /**
     * Starts declaring an {@link AttributeType#INTEGER} attribute.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<Long> integer(String name) {
        return new Builder<>(name, AttributeType.INTEGER);
    }

    /**
     * Starts declaring a {@link AttributeType#BOOLEAN} attribute.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, AttributeType.BOOLEAN);
    }

    /**
     * Starts declaring a {@link AttributeType#PATH} attribute.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<java.nio.file.Path> path(String name) {
        return new Builder<>(name, AttributeType.PATH);
    }

    /**
     * Starts declaring a {@link AttributeType#WRITABLE_PATH} attribute: a path the plugin writes to, which the
     * platform confines to the directories its operator allows.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<java.nio.file.Path> writablePath(String name) {
        return new Builder<>(name, AttributeType.WRITABLE_PATH);
    }

    /**
     * Starts declaring a {@link AttributeType#DURATION} attribute.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<java.time.Duration> duration(String name) {
        return new Builder<>(name, AttributeType.DURATION);
    }

    /**
     * Starts declaring a {@link AttributeType#SECRET} attribute, which is always sensitive.
     *
     * @param name the attribute name
     * @return a builder
     */
    public static Builder<String> secret(String name) {
        return new Builder<>(name, AttributeType.SECRET);
    }

    /**
     * How a value of this attribute may be shown: {@code ***} when sensitive.
     *
     * @param value a value of this attribute
     * @return the printable form
     */
    public String printable(Object value) {
        return sensitive ? "***" : String.valueOf(value);
    }

    /** Names the declaration; a sensitive default prints as {@code ***}. */
    @Override
    public String toString() {
        return "Attribute[" + name + ": " + type + (required ? ", required" : "") + (sensitive ? ", sensitive" : "")
                + (requiresReplace ? ", requires replace" : "")
                + defaultValue.map(value -> ", default " + printable(value)).orElse("") + "]";
    }

    /**
     * Declares an {@link Attribute} step by step; optional, not sensitive and updatable unless
     * told otherwise.
     *
     * @param <T> the Java type of the value
     */
    public static final class Builder<T> {
        private final String name;
        private final AttributeType<T> type;
        private boolean required;
        private Optional<T> defaultValue = Optional.empty();
        private boolean sensitive;
        private boolean requiresReplace;
        private String description = "";
        private final List<AttributeValidator<T>> validators = new ArrayList<>();

        private Builder(String name, AttributeType<T> type) {
            this.name = name;
            this.type = type;
        }

        /**
         * What the attribute does.
         *
         * @param text one or two sentences
         * @return this builder
         */
        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        /**
         * The user must set it.
         *
         * @return this builder
         */
        public Builder<T> required() {
            this.required = true;
            return this;
        }

        /**
         * The value when the user sets none.
         *
         * @param value the default
         * @return this builder
         */
        public Builder<T> defaultValue(T value) {
            this.defaultValue = Optional.of(value);
            return this;
        }

        /**
         * Write-only: never returned, logged or quoted.
         *
         * @return this builder
         */
        public Builder<T> sensitive() {
            this.sensitive = true;
            return this;
        }

        /**
         * A change means a new vault instance, not an update.
         *
         * @return this builder
         */
        public Builder<T> requiresReplace() {
            this.requiresReplace = true;
            return this;
        }

        /**
         * Adds a rule on the parsed value.
         *
         * @param validator the rule
         * @return this builder
         */
        public Builder<T> validator(AttributeValidator<T> validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * The declared attribute.
         *
         * @return the attribute
         */
        public Attribute<T> build() {
            return new Attribute<>(
                    name, type, required, defaultValue, sensitive, requiresReplace, description, validators);
        }
    }
}
