package dev.latchkey.api.persistence;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyQuery;
import dev.latchkey.domain.apikey.ApiKeyRepository;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keys in the platform database. Status is derived from dates in the query, so listing needs no background job. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
    private static final UniqueConstraint LIVE_NAME = UniqueConstraint.named("uq_api_keys_live_name");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return Optional.ofNullable(em.find(ApiKeyEntity.class, id.value())).map(ApiKeyEntity::toDomain);
    }

    @Override
    public boolean liveNameExists(KeyName name) {
        return em.createQuery("SELECT COUNT(k) FROM ApiKeyEntity k WHERE k.liveName = :name", Long.class)
                        .setParameter("name", name.normalized())
                        .getSingleResult()
                > 0;
    }

    @Override
    public void save(ApiKey key) {
        ApiKeyEntity existing = em.find(ApiKeyEntity.class, key.id().value());
        if (existing == null) {
            em.persist(new ApiKeyEntity(key));
        } else {
            existing.copyFrom(key);
        }
        // Another request may have taken the name after this one checked it.
        LIVE_NAME.flush(
                em,
                () -> new Violation(
                        "name",
                        "name_taken",
                        "another API key is now named '" + key.name() + "'; go back and choose a different name"));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        em.createQuery("UPDATE ApiKeyEntity k SET k.lastUsedAt = :at WHERE k.id = :id")
                .setParameter("at", at)
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public void destroy(ApiKeyId id) {
        em.createQuery("DELETE FROM ApiKeyEntity k WHERE k.id = :id AND k.acknowledged = FALSE")
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public Page<ApiKey> page(ApiKeyQuery query, PageRequest request, Instant now) {
        String where = " WHERE k.acknowledged = TRUE"
                + query.status()
                        .map(status -> switch (status) {
                            case ACTIVE -> " AND k.removedAt IS NULL AND k.expiresAt > :now";
                            case EXPIRED -> " AND k.removedAt IS NULL AND k.expiresAt <= :now";
                            case REMOVED -> " AND k.removedAt IS NOT NULL";
                            case PENDING -> throw new IllegalArgumentException("pending keys are never listed");
                        })
                        .orElse("");
        boolean usesNow = where.contains(":now");
        String order = switch (query.sort()) {
            case NAME -> " ORDER BY LOWER(k.name) ASC, k.id ASC";
            case NAME_DESCENDING -> " ORDER BY LOWER(k.name) DESC, k.id DESC";
            case NEWEST_FIRST -> " ORDER BY k.createdAt DESC, k.id DESC";
            case OLDEST_FIRST -> " ORDER BY k.createdAt ASC, k.id ASC";
        };
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(k) FROM ApiKeyEntity k" + where, Long.class);
        TypedQuery<ApiKeyEntity> rows =
                em.createQuery("SELECT k FROM ApiKeyEntity k" + where + order, ApiKeyEntity.class);
        if (usesNow) {
            count.setParameter("now", now);
            rows.setParameter("now", now);
        }
        var keys = rows
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList()
                .stream()
                .map(ApiKeyEntity::toDomain)
                .toList();
        return new Page<>(keys, count.getSingleResult(), request);
    }

    @Override
    public List<ApiKey> findExpiredUnrecorded(Instant now, int limit) {
        return em
                .createQuery(
                        "SELECT k FROM ApiKeyEntity k WHERE k.acknowledged = TRUE AND k.removedAt IS NULL"
                                + " AND k.expiresAt <= :now AND k.expiryRecorded = FALSE ORDER BY k.expiresAt, k.id",
                        ApiKeyEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(ApiKeyEntity::toDomain)
                .toList();
    }

    @Override
    public void markExpiryRecorded(ApiKeyId id) {
        em.createQuery("UPDATE ApiKeyEntity k SET k.expiryRecorded = TRUE WHERE k.id = :id")
                .setParameter("id", id.value())
                .executeUpdate();
    }
}
