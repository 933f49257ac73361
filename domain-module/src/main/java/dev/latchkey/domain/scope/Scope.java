package dev.latchkey.domain.scope;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** What an API key may do; each scope has a wire name such as {@code read:items:secrets} and a one-line meaning. */
public enum Scope {
    READ_ACTIVITIES("read:activities", "Read activities", "Enables reading the workspace's activity log"),
    READ_ITEMS("read:items", "Read items", "Enables reading account, secret, and collection data"),
    READ_ITEMS_ACCOUNTS("read:items:accounts", "Read accounts", "Enables reading account data only"),
    READ_ITEMS_SECRETS("read:items:secrets", "Read secrets", "Enables reading secret data only"),
    READ_USERS("read:users", "Read users", "Enables reading users and teams"),
    READ_INTEGRATIONS(
            "read:integrations", "Read integrations", "Enables reading integrations, vault providers and entitlements"),
    WRITE_INTEGRATIONS(
            "write:integrations", "Write integrations", "Enables planning and applying integrations and entitlements"),
    READ_AUTOMATIONS("read:automations", "Read automations", "Enables reading automated jobs"),
    WRITE_AUTOMATIONS("write:automations", "Write automations", "Enables starting automated jobs");

    private final String wireName;
    private final String title;
    private final String description;

    Scope(String wireName, String title, String description) {
        this.wireName = wireName;
        this.title = title;
        this.description = description;
    }

    /** Parses a wire name; an unknown one is a validation failure on {@code field} that lists the valid names. */
    public static Scope parse(String wireName, String field) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(wireName)) {
                return scope;
            }
        }
        throw new ValidationException(new Violation(
                field,
                "unknown_scope",
                "'" + wireName + "' is not a scope; use one of "
                        + Arrays.stream(values()).map(Scope::wireName).toList()));
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The scopes whose presence also satisfies a check for this one: itself, plus a broader read where one exists. */
    Set<Scope> satisfiedBy() {
        return switch (this) {
            case READ_ITEMS_ACCOUNTS, READ_ITEMS_SECRETS -> EnumSet.of(this, READ_ITEMS);
            default -> EnumSet.of(this);
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
