package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.Ids;

/** A person's identifier. */
public record UserId(String value) {
    public UserId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a user id");
        }
    }

    public static UserId generate() {
        return new UserId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
