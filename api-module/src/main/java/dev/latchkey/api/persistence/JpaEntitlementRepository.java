package dev.latchkey.api.persistence;

import dev.latchkey.domain.entitlement.Entitlement;
import dev.latchkey.domain.entitlement.EntitlementId;
import dev.latchkey.domain.entitlement.EntitlementRepository;
import dev.latchkey.domain.entitlement.GranteeType;
import dev.latchkey.domain.entitlement.VaultRole;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Entitlements in the platform database. */
@ApplicationScoped
public class JpaEntitlementRepository implements EntitlementRepository {
    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<Entitlement> findById(EntitlementId id) {
        return Optional.ofNullable(em.find(EntitlementEntity.class, id.value())).map(EntitlementEntity::toDomain);
    }

    @Override
    public Page<Entitlement> page(IntegrationId integration, PageRequest request) {
        long total = em.createQuery(
                        "SELECT COUNT(e) FROM EntitlementEntity e WHERE e.integrationId = :integration", Long.class)
                .setParameter("integration", integration.value())
                .getSingleResult();
        var rows = em.createQuery(
                        "SELECT e FROM EntitlementEntity e WHERE e.integrationId = :integration"
                                + " ORDER BY e.createdAt, e.id",
                        EntitlementEntity.class)
                .setParameter("integration", integration.value())
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(EntitlementEntity::toDomain).toList(), total, request);
    }

    @Override
    public Optional<Entitlement> find(IntegrationId integration, GranteeType type, String granteeId, VaultRole role) {
        return em.createQuery(
                        "SELECT e FROM EntitlementEntity e WHERE e.integrationId = :integration"
                                + " AND e.granteeType = :type AND e.granteeId = :grantee AND e.role = :role",
                        EntitlementEntity.class)
                .setParameter("integration", integration.value())
                .setParameter("type", type.wireName())
                .setParameter("grantee", granteeId)
                .setParameter("role", role.wireName())
                .getResultStream()
                .findFirst()
                .map(EntitlementEntity::toDomain);
    }

    @Override
    public List<Entitlement> heldBy(IntegrationId integration, String userId, Collection<String> teamIds) {
        // An empty IN list is not portable SQL, so the team clause is added only when there are teams.
        String teams = teamIds.isEmpty() ? "" : " OR (e.granteeType = 'team' AND e.granteeId IN :teams)";
        var query = em.createQuery(
                        "SELECT e FROM EntitlementEntity e WHERE e.integrationId = :integration"
                                + " AND ((e.granteeType = 'user' AND e.granteeId = :user)" + teams + ")",
                        EntitlementEntity.class)
                .setParameter("integration", integration.value())
                .setParameter("user", userId);
        if (!teamIds.isEmpty()) {
            query.setParameter("teams", List.copyOf(teamIds));
        }
        return query.getResultList().stream().map(EntitlementEntity::toDomain).toList();
    }

    @Override
    public void save(Entitlement entitlement) {
        em.persist(new EntitlementEntity(entitlement));
        em.flush();
    }

    @Override
    public void delete(EntitlementId id) {
        EntitlementEntity existing = em.find(EntitlementEntity.class, id.value());
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
    }
}
