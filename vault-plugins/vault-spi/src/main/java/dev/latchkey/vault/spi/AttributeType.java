package dev.latchkey.vault.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a configuration attribute: how its text is parsed and what Java type the plugin
 * receives. Users write every value as text, so "wrong type" means "does not parse".
 *
 * @param <T> the Java type of parsed values
 */
public final class AttributeType<T> {

    /** Any text. */
    public static final AttributeType<String> STRING =
            new AttributeType<>("string", String.class, "any text", Optional::of);
    /** A whole number, such as {@code 10}. */
    public static final AttributeType<Long> INTEGER =
            new AttributeType<>("integer", Long.class, "a whole number, such as 10", AttributeType::parseLong);
    /** {@code true} or {@code false}. */
    public static final AttributeType<Boolean> BOOLEAN =
            new AttributeType<>("boolean", Boolean.class, "true or false", AttributeType::parseBoolean);
    /**
     * A file-system path the plugin only reads; relative paths are the plugin's to resolve (usually against its data
     * directory). A path the plugin writes to is a {@link #WRITABLE_PATH}.
     */
    public static final AttributeType<Path> PATH = new AttributeType<>(
            "path", Path.class, "a file-system path, such as /var/lib/latchkey/secrets", AttributeType::parsePath);
    /**
     * A file-system path that the plugin writes to (a directory it stores in, a file it rewrites). The platform
     * refuses a value that resolves, after {@code ..} and symbolic links, outside the roots its operator allows or onto
     * the platform's own files, before the plugin sees it. Resolve relative values against
     * {@link VaultContext#dataDirectory()}, as the platform does when it checks them. Declare every path you write to
     * with this type, not {@link #PATH}.
     */
    public static final AttributeType<Path> WRITABLE_PATH = new AttributeType<>(
            "writable_path",
            Path.class,
            "a file-system path inside the directories the operator lets plugins write to, or a relative path",
            AttributeType::parsePath);
    /** A duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}). */
    public static final AttributeType<Duration> DURATION = new AttributeType<>(
            "duration", Duration.class, "a duration such as 30s, 5m, 2h, 7d or PT30S", AttributeType::parseDuration);
    /** Text that is a secret itself (a key, a password): always {@link Attribute#sensitive() sensitive}. */
    public static final AttributeType<String> SECRET =
            new AttributeType<>("secret", String.class, "secret text", Optional::of);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private final String name;
    private final Class<T> javaType;
    private final String expected;
    private final Function<String, Optional<T>> parser;

    private AttributeType(String name, Class<T> javaType, String expected, Function<String, Optional<T>> parser) {
        this.name = name;
        this.javaType = javaType;
        this.expected = expected;
        this.parser = parser;
    }

    /** The type's name as shown to users: {@code string}, {@code integer}, … */
    public String name() {
        return name;
    }

    /** The Java type of parsed values. */
    public Class<T> javaType() {
        return javaType;
    }

    /** What a valid value looks like, in the user's words, for diagnostics. */
    public String expected() {
        return expected;
    }

    /**
     * Parses text.
     *
     * @param text the value as the user typed it
     * @return the value, or empty when the text is not of this type
     */
    public Optional<T> parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    private static Optional<Path> parsePath(String text) {
        if (text.isBlank() || text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseDuration(String text) {
        String trimmed = text.strip();
        Matcher shortForm = SHORT_DURATION.matcher(trimmed);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(
                    switch (shortForm.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
        }
        try {
            return Optional.of(Duration.parse(trimmed));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}
