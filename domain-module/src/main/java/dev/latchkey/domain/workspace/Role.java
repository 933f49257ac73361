package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;

/** A person's role in the workspace, from the single Owner down to a plain user. */
public enum Role {
    WORKSPACE_OWNER("workspace_owner"),
    WORKSPACE_SUPER_ADMIN("workspace_super_admin"),
    WORKSPACE_ADMIN("workspace_admin"),
    WORKSPACE_USER("workspace_user");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public static Role parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(role -> role.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(field, "unknown_role",
                        "'" + wireName + "' is not a role; use one of " + Arrays.stream(values()).map(Role::wireName).toList())));
    }

    public String wireName() {
        return wireName;
    }

    /** Owners, Super Admins and Admins run the key wizard, see the keys table and manage users. */
    public boolean isAdministrator() {
        return this != WORKSPACE_USER;
    }

    /** Owners and Super Admins may remove keys they did not create. */
    public boolean mayRemoveOthersKeys() {
        return this == WORKSPACE_OWNER || this == WORKSPACE_SUPER_ADMIN;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
