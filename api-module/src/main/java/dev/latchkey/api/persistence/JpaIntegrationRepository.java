package dev.latchkey.api.persistence;

import dev.latchkey.api.config.SettingSealer;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationConfig;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.IntegrationRepository;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Integrations in the platform database. Sensitive settings are sealed on the way in and opened on the way out, so
 * the database (and its backups) never hold them in plain text.
 */
@ApplicationScoped
public class JpaIntegrationRepository implements IntegrationRepository {
    private static final UniqueConstraint LOWER_NAME = UniqueConstraint.named("uq_integrations_lower_name");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    SettingSealer sealer;

    @Override
    public Optional<Integration> findById(IntegrationId id) {
        return Optional.ofNullable(em.find(IntegrationEntity.class, id.value())).map(this::toDomain);
    }

    @Override
    public List<Integration> findAll() {
        return em
                .createQuery("SELECT i FROM IntegrationEntity i ORDER BY i.lowerName", IntegrationEntity.class)
                .getResultList()
                .stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public boolean nameTaken(String name, Optional<IntegrationId> except) {
        return em.createQuery(
                                "SELECT COUNT(i) FROM IntegrationEntity i WHERE i.lowerName = :name AND i.id <> :except",
                                Long.class)
                        .setParameter("name", name.toLowerCase(Locale.ROOT))
                        .setParameter("except", except.map(IntegrationId::value).orElse(""))
                        .getSingleResult()
                > 0;
    }

    @Override
    public void save(Integration integration) {
        IntegrationEntity entity =
                em.find(IntegrationEntity.class, integration.id().value());
        boolean fresh = entity == null;
        if (fresh) {
            entity = new IntegrationEntity(integration.id().value());
            entity.createdAt = integration.createdAt();
        }
        entity.name = integration.name();
        entity.lowerName = integration.name().toLowerCase(Locale.ROOT);
        entity.provider = integration.provider();
        entity.generation = integration.generation();
        entity.updatedAt = integration.updatedAt();
        entity.settings.clear();
        IntegrationConfig config = integration.config();
        for (Map.Entry<String, String> setting : config.values().entrySet()) {
            boolean sensitive = config.isSensitive(setting.getKey());
            entity.settings.add(new IntegrationSettingEmbeddable(
                    setting.getKey(),
                    sensitive,
                    sensitive
                            ? sealer.seal(integration.id().value(), setting.getKey(), setting.getValue())
                            : setting.getValue()));
        }
        if (fresh) {
            em.persist(entity);
        }
        // Another request may have given an integration this name (in any case) after this one checked it.
        LOWER_NAME.flush(
                em,
                () -> new Violation(
                        "name",
                        "name_taken",
                        "another integration is already named '" + integration.name() + "'; choose a different name"));
    }

    @Override
    public void delete(IntegrationId id) {
        IntegrationEntity entity = em.find(IntegrationEntity.class, id.value());
        if (entity != null) {
            em.remove(entity);
            em.flush();
        }
    }

    private Integration toDomain(IntegrationEntity entity) {
        Map<String, String> values = new HashMap<>();
        Set<String> sensitive = new HashSet<>();
        for (IntegrationSettingEmbeddable setting : entity.settings) {
            if (setting.sensitive()) {
                sensitive.add(setting.attribute());
                values.put(setting.attribute(), sealer.open(entity.id, setting.attribute(), setting.storedValue()));
            } else {
                values.put(setting.attribute(), setting.storedValue());
            }
        }
        return new Integration(
                new IntegrationId(entity.id),
                entity.name,
                entity.provider,
                entity.generation,
                new IntegrationConfig(values, sensitive),
                entity.createdAt,
                entity.updatedAt);
    }
}
