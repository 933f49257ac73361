package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;

/** What an entitlement allows on an integration's vaults; a writer may also read. */
public enum VaultRole {
    VAULT_READER("vault_reader"),
    VAULT_WRITER("vault_writer");

    private final String wireName;

    VaultRole(String wireName) {
        this.wireName = wireName;
    }

    public static VaultRole parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(role -> role.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_role",
                        field + " must be one of "
                                + Arrays.stream(values())
                                        .map(VaultRole::wireName)
                                        .toList())));
    }

    public boolean allowsWriting() {
        return this == VAULT_WRITER;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
