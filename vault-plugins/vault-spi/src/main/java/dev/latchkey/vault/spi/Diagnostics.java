package dev.latchkey.vault.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every finding of a validation, collected rather than thrown one at a time, so users can fix all
 * their mistakes in one go. Immutable; combine with {@link #and}.
 *
 * @param all the findings in the order they were found
 */
public record Diagnostics(List<Diagnostic> all) {

    /** No findings. */
    public static final Diagnostics NONE = new Diagnostics(List.of());

    /** Copies the list. */
    public Diagnostics {
        all = List.copyOf(all);
    }

    /**
     * Diagnostics holding the given findings.
     *
     * @param diagnostics the findings
     * @return the collection
     */
    public static Diagnostics of(Diagnostic... diagnostics) {
        return new Diagnostics(List.of(diagnostics));
    }

    /**
     * These findings followed by more.
     *
     * @param more further findings
     * @return the combined collection
     */
    public Diagnostics and(Diagnostics more) {
        if (more.all.isEmpty()) {
            return this;
        }
        List<Diagnostic> combined = new ArrayList<>(all);
        combined.addAll(more.all);
        return new Diagnostics(combined);
    }

    /**
     * These findings followed by one more.
     *
     * @param more a further finding
     * @return the combined collection
     */
    public Diagnostics and(Diagnostic more) {
        return and(of(more));
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** The errors only. */
    public List<Diagnostic> errors() {
        return all.stream().filter(Diagnostic::isError).toList();
    }

    /** The warnings only. */
    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).toList();
    }

    /** Whether there are no findings at all. */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The findings as a stream. */
    public Stream<Diagnostic> stream() {
        return all.stream();
    }
}
