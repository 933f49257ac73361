package dev.latchkey.domain.integration;

import java.util.List;
import java.util.Optional;

/** Port: where vaults live. */
public interface VaultRepository {
    Optional<Vault> findById(VaultId id);

    /** Every vault, the default first, then by name. */
    List<Vault> findAll();

    List<Vault> findByIntegration(IntegrationId id);

    /** Whether another vault than {@code except} has this name, ignoring case. */
    boolean nameTaken(String name, Optional<VaultId> except);

    /** Inserts or updates. */
    void save(Vault vault);
}
