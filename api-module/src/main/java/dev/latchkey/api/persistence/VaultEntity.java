package dev.latchkey.api.persistence;

import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/** Row of {@code vaults}. */
@Entity
@Table(name = "vaults")
public class VaultEntity {
    @Id
    private String id;

    private String name;

    @Column(name = "lower_name")
    private String lowerName;

    @Column(name = "integration_id")
    private String integrationId;

    @Column(name = "is_default")
    private boolean isDefault;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected VaultEntity() {}

    VaultEntity(Vault vault) {
        id = vault.id().value();
        integrationId = vault.integrationId().value();
        createdAt = vault.createdAt();
        copyFrom(vault);
    }

    final void copyFrom(Vault vault) {
        name = vault.name();
        lowerName = vault.name().toLowerCase(Locale.ROOT);
        isDefault = vault.isDefault();
        enabled = vault.enabled();
    }

    Vault toDomain() {
        return new Vault(new VaultId(id), name, new IntegrationId(integrationId), isDefault, enabled, createdAt);
    }
}
