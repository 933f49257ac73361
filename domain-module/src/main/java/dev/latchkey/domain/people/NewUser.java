package dev.latchkey.domain.people;

import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Password;
import dev.latchkey.domain.workspace.Role;
import java.util.Objects;

/**
 * A person to create, each field already valid on its own; whether the email is free and the actor may assign the
 * role is for {@link UserService#create} to check. The password is kept only until it is hashed.
 */
public record NewUser(Email email, PersonName name, Role role, String password) {
    public NewUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Password.check(password, "password");
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", name=" + name + ", role=" + role + ", password=***]";
    }
}
