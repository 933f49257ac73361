package dev.latchkey.api.persistence;

import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.integration.VaultRepository;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Vaults in the platform database. */
@ApplicationScoped
public class JpaVaultRepository implements VaultRepository {
    private static final UniqueConstraint LOWER_NAME = UniqueConstraint.named("uq_vaults_lower_name");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<Vault> findById(VaultId id) {
        return Optional.ofNullable(em.find(VaultEntity.class, id.value())).map(VaultEntity::toDomain);
    }

    @Override
    public List<Vault> findAll() {
        return em
                .createQuery("SELECT v FROM VaultEntity v ORDER BY v.isDefault DESC, v.lowerName", VaultEntity.class)
                .getResultList()
                .stream()
                .map(VaultEntity::toDomain)
                .toList();
    }

    @Override
    public List<Vault> findByIntegration(IntegrationId id) {
        return em
                .createQuery(
                        "SELECT v FROM VaultEntity v WHERE v.integrationId = :id ORDER BY v.lowerName",
                        VaultEntity.class)
                .setParameter("id", id.value())
                .getResultList()
                .stream()
                .map(VaultEntity::toDomain)
                .toList();
    }

    @Override
    public boolean nameTaken(String name, Optional<VaultId> except) {
        return em.createQuery(
                                "SELECT COUNT(v) FROM VaultEntity v WHERE v.lowerName = :name AND v.id <> :except",
                                Long.class)
                        .setParameter("name", name.toLowerCase(Locale.ROOT))
                        .setParameter("except", except.map(VaultId::value).orElse(""))
                        .getSingleResult()
                > 0;
    }

    @Override
    public void save(Vault vault) {
        VaultEntity existing = em.find(VaultEntity.class, vault.id().value());
        if (existing == null) {
            em.persist(new VaultEntity(vault));
        } else {
            existing.copyFrom(vault);
        }
        // Another request may have given a vault this name (in any case) after this one checked it.
        LOWER_NAME.flush(
                em,
                () -> new Violation(
                        "name",
                        "name_taken",
                        "another vault is already named '" + vault.name() + "'; choose a different name"));
    }
}
