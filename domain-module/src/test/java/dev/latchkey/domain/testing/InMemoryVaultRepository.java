package dev.latchkey.domain.testing;

import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.integration.VaultRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Vaults in a map. */
public final class InMemoryVaultRepository implements VaultRepository {
    private final Map<VaultId, Vault> stored = new LinkedHashMap<>();

    @Override
    public Optional<Vault> findById(VaultId id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public List<Vault> findAll() {
        return stored.values().stream()
                .sorted(Comparator.comparing((Vault v) -> !v.isDefault()).thenComparing(Vault::name))
                .toList();
    }

    @Override
    public List<Vault> findByIntegration(IntegrationId id) {
        return findAll().stream().filter(v -> v.integrationId().equals(id)).toList();
    }

    @Override
    public boolean nameTaken(String name, Optional<VaultId> except) {
        return stored.values().stream()
                .filter(v -> except.map(id -> !id.equals(v.id())).orElse(true))
                .anyMatch(v -> v.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void save(Vault vault) {
        stored.put(vault.id(), vault);
    }
}
