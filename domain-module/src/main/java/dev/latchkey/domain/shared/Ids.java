package dev.latchkey.domain.shared;

import java.util.UUID;

/** Application-generated identifiers, so that no entity waits on the database for its id. */
public final class Ids {
    private Ids() {}

    /** A random UUID in canonical text form. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code value} is a canonical UUID, the form every generated id takes. */
    public static boolean isId(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
