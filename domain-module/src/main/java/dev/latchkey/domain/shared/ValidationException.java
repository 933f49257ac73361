package dev.latchkey.domain.shared;

import java.util.List;

/** Input that breaks the rules; carries every violation found, never just the first. */
public final class ValidationException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("validation_failed", summary(violations));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return violations.size() == 1 ? violations.get(0).message() : violations.size() + " fields are invalid";
    }
}
