package dev.latchkey.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** Which page of a list a client wants: numbered from 1 to {@link #MAX_NUMBER}, at most {@link #MAX_SIZE} entries. */
public record PageRequest(int number, int size) {
    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    /** Far past any real list, and low enough that {@link #offset()} always fits the int a database query takes. */
    public static final int MAX_NUMBER = 1_000_000;

    public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

    public PageRequest {
        List<Violation> violations = new ArrayList<>();
        if (number < 1 || number > MAX_NUMBER) {
            violations.add(
                    new Violation("page[number]", "invalid_page", "page[number] must be between 1 and " + MAX_NUMBER));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new Violation("page[size]", "invalid_page", "page[size] must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    public long offset() {
        return (long) (number - 1) * size;
    }
}
