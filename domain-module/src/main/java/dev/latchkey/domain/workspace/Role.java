package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person's role in the workspace, from the single Owner down to a plain user, and every rule that depends on the
 * role alone. Services, the API's authorization table and what the web app shows are all derived from here.
 */
public enum Role {
    WORKSPACE_OWNER("workspace_owner"),
    WORKSPACE_SUPER_ADMIN("workspace_super_admin"),
    WORKSPACE_ADMIN("workspace_admin"),
    WORKSPACE_USER("workspace_user");

    /** Owners, Super Admins and Admins: they run the key wizard, see the keys table and manage people and teams. */
    public static final Set<Role> ADMINISTRATORS =
            Collections.unmodifiableSet(EnumSet.of(WORKSPACE_OWNER, WORKSPACE_SUPER_ADMIN, WORKSPACE_ADMIN));

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public static Role parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(role -> role.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_role",
                        "'" + wireName + "' is not a role; use one of "
                                + Arrays.stream(values()).map(Role::wireName).toList())));
    }

    /** The roles' wire names for a message, in rank order: "workspace_owner, workspace_super_admin or workspace_admin". */
    public static String describe(Set<Role> roles) {
        List<String> names = Arrays.stream(values())
                .filter(roles::contains)
                .map(Role::wireName)
                .toList();
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    public String wireName() {
        return wireName;
    }

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }

    /** Owners and Super Admins may remove keys they did not create. */
    public boolean mayRemoveOthersKeys() {
        return outranksAdministrators();
    }

    /** Owners and Super Admins may write into every integration's vaults without holding an entitlement. */
    public boolean writesIntoEveryVault() {
        return outranksAdministrators();
    }

    /** Nobody changes the Owner; only the Owner changes a Super Admin. */
    public void checkMayChange(Role target) {
        if (target == WORKSPACE_OWNER) {
            throw new PermissionDeniedException("owner_immutable", "nobody may demote or disable the workspace Owner");
        }
        if (target == WORKSPACE_SUPER_ADMIN && this != WORKSPACE_OWNER) {
            throw new PermissionDeniedException("owner_required", "only the workspace Owner may change a Super Admin");
        }
    }

    /** There is exactly one Owner; only the Owner makes Super Admins. */
    public void checkMayAssign(Role role) {
        if (role == WORKSPACE_OWNER) {
            throw new PermissionDeniedException(
                    "single_owner", "a workspace has exactly one Owner; choose another role");
        }
        if (role == WORKSPACE_SUPER_ADMIN && this != WORKSPACE_OWNER) {
            throw new PermissionDeniedException(
                    "owner_required", "only the workspace Owner may make someone a Super Admin");
        }
    }

    private boolean outranksAdministrators() {
        return this == WORKSPACE_OWNER || this == WORKSPACE_SUPER_ADMIN;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
