package dev.latchkey.domain.people;

import dev.latchkey.domain.workspace.Role;
import java.util.Objects;
import java.util.Optional;

/** What to change about a person; an empty member stays as it is. */
public record UserChange(Optional<Role> role, Optional<Boolean> disabled) {
    public UserChange {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabled, "disabled");
    }
}
