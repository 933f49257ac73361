package dev.latchkey.domain.testing;

import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;

/** Ready-made workspace members; each call makes a new person with a fresh id. */
public final class People {
    /** The password every person made here has, hashed with whatever hasher the test passes. */
    public static final String PASSWORD = "correct horse battery staple";

    private People() {}

    public static User owner() {
        return person("olive", Role.WORKSPACE_OWNER);
    }

    public static User superAdmin() {
        return person("sam", Role.WORKSPACE_SUPER_ADMIN);
    }

    public static User admin() {
        return person("ada", Role.WORKSPACE_ADMIN);
    }

    public static User member() {
        return person("uma", Role.WORKSPACE_USER);
    }

    public static User person(String name, Role role) {
        return person(name, role, "not-a-real-hash");
    }

    public static User person(String name, Role role, String passwordHash) {
        UserId id = UserId.generate();
        return new User(
                id,
                new Email(name + "-" + id.value().substring(0, 8) + "@example.com"),
                name,
                role,
                false,
                passwordHash,
                MutableClock.START);
    }
}
