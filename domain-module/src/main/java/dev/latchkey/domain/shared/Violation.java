package dev.latchkey.domain.shared;

import java.util.Objects;

/**
 * One invalid input field: the field's name as the client sent it, a stable code and a sentence saying what to fix.
 */
public record Violation(String field, String code, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
