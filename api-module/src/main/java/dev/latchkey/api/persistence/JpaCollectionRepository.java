package dev.latchkey.api.persistence;

import dev.latchkey.domain.item.CollectionId;
import dev.latchkey.domain.item.CollectionRepository;
import dev.latchkey.domain.item.ItemCollection;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Collections in the platform database. */
@ApplicationScoped
public class JpaCollectionRepository implements CollectionRepository {
    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<ItemCollection> findById(CollectionId id) {
        return Optional.ofNullable(em.find(CollectionEntity.class, id.value())).map(CollectionEntity::toDomain);
    }

    @Override
    public Page<ItemCollection> pageOwnedBy(UserId owner, PageRequest request) {
        long total = em.createQuery("SELECT COUNT(c) FROM CollectionEntity c WHERE c.ownerId = :owner", Long.class)
                .setParameter("owner", owner.value())
                .getSingleResult();
        var rows = em.createQuery(
                        "SELECT c FROM CollectionEntity c WHERE c.ownerId = :owner ORDER BY c.name, c.id",
                        CollectionEntity.class)
                .setParameter("owner", owner.value())
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(CollectionEntity::toDomain).toList(), total, request);
    }

    @Override
    public void save(ItemCollection collection) {
        CollectionEntity existing =
                em.find(CollectionEntity.class, collection.id().value());
        if (existing == null) {
            em.persist(new CollectionEntity(collection));
        } else {
            existing.copyFrom(collection);
        }
        em.flush();
    }
}
