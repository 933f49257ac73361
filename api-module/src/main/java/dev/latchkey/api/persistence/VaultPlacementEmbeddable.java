package dev.latchkey.api.persistence;

import dev.latchkey.domain.wizard.VaultPlacement;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code wizard_vault_placements}: where a wizard saved its key (never the key). */
@Embeddable
public class VaultPlacementEmbeddable {
    @Column(name = "vault_id")
    private String vaultId;

    @Column(name = "vault_name")
    private String vaultName;

    private String path;
    private long version;

    protected VaultPlacementEmbeddable() {}

    VaultPlacementEmbeddable(VaultPlacement placement) {
        vaultId = placement.vaultId();
        vaultName = placement.vaultName();
        path = placement.path();
        version = placement.version();
    }

    VaultPlacement toDomain() {
        return new VaultPlacement(vaultId, vaultName, path, version);
    }
}
