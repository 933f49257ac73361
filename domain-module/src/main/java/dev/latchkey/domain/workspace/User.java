package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.PermissionDeniedException;
import java.time.Instant;
import java.util.Objects;

/**
 * A person in the workspace. The password hash is kept here so the repository can round-trip it, but it is never
 * printed.
 */
public record User(
        UserId id, Email email, String name, Role role, boolean disabled, String passwordHash, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether this person may currently act as an administrator (and so whether their keys work). */
    public boolean isActiveAdministrator() {
        return !disabled && role.isAdministrator();
    }

    /**
     * Refuses anyone who may not act as an administrator now. {@code action} names what they tried, in the user's
     * words ("managing teams"), for the refusal's message.
     */
    public void requireAdministrator(String action) {
        if (!isActiveAdministrator()) {
            throw new PermissionDeniedException(
                    "role_required", action + " needs the role " + Role.describe(Role.ADMINISTRATORS));
        }
    }

    public User withRole(Role newRole) {
        return new User(id, email, name, newRole, disabled, passwordHash, createdAt);
    }

    public User withDisabled(boolean nowDisabled) {
        return new User(id, email, name, role, nowDisabled, passwordHash, createdAt);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", role=" + role + ", disabled=" + disabled + "]";
    }
}
