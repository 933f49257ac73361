package dev.latchkey.vault.spi;

import java.time.Duration;
import java.util.Base64;

/** Ready-made {@link AttributeValidator}s for the common rules. */
public final class Validators {

    private Validators() {}

    /**
     * The number must be at least {@code min}.
     *
     * @param min the smallest accepted value
     * @return the validator
     */
    public static AttributeValidator<Long> atLeast(long min) {
        return (attribute, value) -> value >= min
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(),
                        "Value too small",
                        "Set " + attribute.name() + " to " + min + " or more (it is " + value + ")."));
    }

    /**
     * The number must be between {@code min} and {@code max}, both included.
     *
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the validator
     */
    public static AttributeValidator<Long> between(long min, long max) {
        return (attribute, value) -> value >= min && value <= max
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(),
                        "Value out of range",
                        "Set " + attribute.name() + " between " + min + " and " + max + " (it is " + value + ")."));
    }

    /**
     * The duration must be longer than zero.
     *
     * @return the validator
     */
    public static AttributeValidator<Duration> positive() {
        return (attribute, value) -> value.isPositive()
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(),
                        "Duration must be positive",
                        "Set " + attribute.name() + " to a duration longer than zero, such as 30s."));
    }

    /**
     * The text must be standard base64 of exactly {@code length} bytes, as for raw keys. Never
     * quotes the value, which is typically sensitive.
     *
     * @param length the number of decoded bytes
     * @return the validator
     */
    public static AttributeValidator<String> base64OfLength(int length) {
        return (attribute, value) -> decodedLength(value) == length
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(),
                        "Not a base64 key of " + length + " bytes",
                        "Set " + attribute.name() + " to " + length
                                + " random bytes in standard base64, for example the output of `openssl rand -base64 "
                                + length + "`."));
    }

    /**
     * The text must not be blank.
     *
     * @return the validator
     */
    public static AttributeValidator<String> notBlank() {
        return (attribute, value) -> !value.isBlank()
                ? Diagnostics.NONE
                : Diagnostics.of(Diagnostic.error(
                        attribute.name(), "Value is blank", "Give " + attribute.name() + " a non-blank value."));
    }

    private static int decodedLength(String value) {
        try {
            return Base64.getDecoder().decode(value.strip()).length;
        } catch (IllegalArgumentException notBase64) {
            return -1;
        }
    }
}
