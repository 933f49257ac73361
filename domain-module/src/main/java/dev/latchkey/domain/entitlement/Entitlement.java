package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.integration.IntegrationId;
import java.time.Instant;
import java.util.Objects;

/** A grant of {@code role} on the vaults of one integration to a person or a team ({@code granteeId}). */
public record Entitlement(
        EntitlementId id,
        IntegrationId integrationId,
        GranteeType granteeType,
        String granteeId,
        VaultRole role,
        Instant createdAt) {
    public Entitlement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(granteeType, "granteeType");
        Objects.requireNonNull(granteeId, "granteeId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
