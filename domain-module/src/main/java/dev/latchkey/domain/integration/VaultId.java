package dev.latchkey.domain.integration;

import dev.latchkey.domain.shared.Ids;

/** Identifies a vault: a canonical UUID. */
public record VaultId(String value) {
    public VaultId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a vault id: " + value);
        }
    }

    public static VaultId generate() {
        return new VaultId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
