package dev.latchkey.domain.wizard;

import java.util.Objects;

/** Where the store step saved the key: a vault, the path inside it and the version written. Never the key itself. */
public record VaultPlacement(String vaultId, String vaultName, String path, long version) {
    public VaultPlacement {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(vaultName, "vaultName");
        Objects.requireNonNull(path, "path");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
