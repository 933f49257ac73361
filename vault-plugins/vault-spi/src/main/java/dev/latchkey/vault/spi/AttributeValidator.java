package dev.latchkey.vault.spi;

/**
 * A rule about one attribute's parsed value, run by {@link ConfigSchema#parse} after the type
 * check. Ready-made rules live in {@link Validators}.
 *
 * @param <T> the attribute's Java type
 */
@FunctionalInterface
public interface AttributeValidator<T> {

    /**
     * Checks a value.
     *
     * @param attribute the attribute, whose name the diagnostics should carry; when it is
     *                  {@linkplain Attribute#sensitive() sensitive} the diagnostics must not quote
     *                  the value
     * @param value     the parsed value
     * @return the problems found; {@link Diagnostics#NONE} when the value is fine
     */
    Diagnostics validate(Attribute<T> attribute, T value);
}
