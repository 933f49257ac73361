package dev.latchkey.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Collects violations while several fields are checked, so that one failure reports all of them. */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Runs {@code check}; a {@link ValidationException} it throws is collected instead of propagated. */
    public <T> Optional<T> collect(Supplier<T> check) {
        try {
            return Optional.of(check.get());
        } catch (ValidationException e) {
            found.addAll(e.violations());
            return Optional.empty();
        }
    }

    public void add(Violation violation) {
        found.add(violation);
    }

    /** Throws one {@link ValidationException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
