package dev.latchkey.domain.integration;

import java.time.Instant;
import java.util.Objects;

/** A named place for secrets, backed by one integration. A disabled vault accepts no new secrets. */
public record Vault(
        VaultId id, String name, IntegrationId integrationId, boolean isDefault, boolean enabled, Instant createdAt) {
    public Vault {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    Vault renamed(String newName) {
        return new Vault(id, newName, integrationId, isDefault, enabled, createdAt);
    }

    Vault withEnabled(boolean newEnabled) {
        return new Vault(id, name, integrationId, isDefault, newEnabled, createdAt);
    }

    Vault withDefault(boolean newDefault) {
        return new Vault(id, name, integrationId, newDefault, enabled, createdAt);
    }
}
