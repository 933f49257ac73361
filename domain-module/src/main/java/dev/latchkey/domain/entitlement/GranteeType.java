package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;

/** Who an entitlement is granted to: one person, or every member of a team. */
public enum GranteeType {
    USER("user"),
    TEAM("team");

    private final String wireName;

    GranteeType(String wireName) {
        this.wireName = wireName;
    }

    public static GranteeType parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_grantee_type",
                        field + " must be one of "
                                + Arrays.stream(values())
                                        .map(GranteeType::wireName)
                                        .toList())));
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
