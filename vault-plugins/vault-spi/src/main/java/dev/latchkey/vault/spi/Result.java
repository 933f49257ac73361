package dev.latchkey.vault.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a step that may be refused with {@link Diagnostics}: either a value with any
 * warnings, or the diagnostics (at least one error) that explain the refusal.
 *
 * <p>Callers switch over the two cases:
 * <pre>{@code
 * switch (factory.configure(raw, context)) {
 *     case Result.Ok<VaultProvider> ok -> use(ok.value());
 *     case Result.Failed<VaultProvider> failed -> show(failed.diagnostics());
 * }
 * }</pre>
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T> permits Result.Ok, Result.Failed {

    /**
     * A success without warnings.
     *
     * @param value the value
     * @param <T>   its type
     * @return the result
     */
    static <T> Result<T> ok(T value) {
        return new Ok<>(value, Diagnostics.NONE);
    }

    /**
     * A refusal.
     *
     * @param diagnostics findings with at least one error
     * @param <T>         the type the value would have had
     * @return the result
     */
    static <T> Result<T> failed(Diagnostics diagnostics) {
        return new Failed<>(diagnostics);
    }

    /**
     * A refusal for one reason.
     *
     * @param error an error diagnostic
     * @param <T>   the type the value would have had
     * @return the result
     */
    static <T> Result<T> failed(Diagnostic error) {
        return new Failed<>(Diagnostics.of(error));
    }

    /** Every finding: the warnings of a success, or the errors and warnings of a refusal. */
    Diagnostics diagnostics();

    /** The value, when this is a success. */
    Optional<T> asOptional();

    /**
     * This result with earlier findings in front of its own.
     *
     * @param earlier findings without errors from an earlier step
     * @return the combined result
     */
    Result<T> withWarnings(Diagnostics earlier);

    /**
     * A success.
     *
     * @param value    the value
     * @param warnings findings that do not block; no errors
     * @param <T>      the type of the value
     */
    record Ok<T>(T value, Diagnostics warnings) implements Result<T> {

        /** Rejects errors among the warnings. */
        public Ok {
            Objects.requireNonNull(value, "value");
            if (warnings.hasErrors()) {
                throw new IllegalArgumentException("a successful result cannot carry errors");
            }
        }

        @Override
        public Diagnostics diagnostics() {
            return warnings;
        }

        @Override
        public Optional<T> asOptional() {
            return Optional.of(value);
        }

        @Override
        public Result<T> withWarnings(Diagnostics earlier) {
            return new Ok<>(value, earlier.and(warnings));
        }
    }

    /**
     * A refusal.
     *
     * @param diagnostics the findings, at least one of them an error
     * @param <T>         the type the value would have had
     */
    record Failed<T>(Diagnostics diagnostics) implements Result<T> {

        /** Requires at least one error. */
        public Failed {
            if (!diagnostics.hasErrors()) {
                throw new IllegalArgumentException("a failed result needs at least one error");
            }
        }

        @Override
        public Optional<T> asOptional() {
            return Optional.empty();
        }

        @Override
        public Result<T> withWarnings(Diagnostics earlier) {
            return new Failed<>(earlier.and(diagnostics));
        }
    }
}
