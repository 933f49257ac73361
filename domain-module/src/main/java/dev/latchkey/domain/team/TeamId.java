package dev.latchkey.domain.team;

import dev.latchkey.domain.shared.Ids;

/** A team's identifier. */
public record TeamId(String value) {
    public TeamId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a team id");
        }
    }

    public static TeamId generate() {
        return new TeamId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
