package dev.latchkey.api.persistence;

import dev.latchkey.domain.entitlement.Entitlement;
import dev.latchkey.domain.entitlement.EntitlementId;
import dev.latchkey.domain.entitlement.GranteeType;
import dev.latchkey.domain.entitlement.VaultRole;
import dev.latchkey.domain.integration.IntegrationId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code entitlements}; rows are only inserted and deleted, never changed. */
@Entity
@Table(name = "entitlements")
public class EntitlementEntity {
    @Id
    private String id;

    @Column(name = "integration_id")
    private String integrationId;

    @Column(name = "grantee_type")
    private String granteeType;

    @Column(name = "grantee_id")
    private String granteeId;

    private String role;

    @Column(name = "created_at")
    private Instant createdAt;

    protected EntitlementEntity() {}

    EntitlementEntity(Entitlement entitlement) {
        id = entitlement.id().value();
        integrationId = entitlement.integrationId().value();
        granteeType = entitlement.granteeType().wireName();
        granteeId = entitlement.granteeId();
        role = entitlement.role().wireName();
        createdAt = entitlement.createdAt();
    }

    Entitlement toDomain() {
        return new Entitlement(
                new EntitlementId(id),
                new IntegrationId(integrationId),
                GranteeType.parse(granteeType, "granteeType"),
                granteeId,
                VaultRole.parse(role, "role"),
                createdAt);
    }
}
