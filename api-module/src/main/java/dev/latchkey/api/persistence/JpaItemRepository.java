package dev.latchkey.api.persistence;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.item.ItemRepository;
import dev.latchkey.domain.item.ItemType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.Set;

/** The item catalog in the platform database; visibility is decided in the query, so pages count right. */
@ApplicationScoped
public class JpaItemRepository implements ItemRepository {
    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<Item> findById(ItemId id) {
        return Optional.ofNullable(em.find(ItemEntity.class, id.value())).map(ItemEntity::toDomain);
    }

    @Override
    public Page<Item> pageVisible(ItemType type, UserId viewer, Set<TeamId> teams, PageRequest request) {
        // An empty IN list is not portable SQL, so the team clause is added only when there are teams.
        String shared = teams.isEmpty()
                ? ""
                : " OR EXISTS (SELECT s FROM ItemEntity s JOIN s.sharedWith t WHERE s = i AND t IN :teams)";
        String where = " WHERE i.itemType = :type AND (i.ownerId = :viewer" + shared + ")";
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(i) FROM ItemEntity i" + where, Long.class);
        TypedQuery<ItemEntity> rows = em.createQuery(
                "SELECT i FROM ItemEntity i" + where + " ORDER BY i.createdAt DESC, i.id DESC", ItemEntity.class);
        for (TypedQuery<?> query : java.util.List.of(count, rows)) {
            query.setParameter("type", type.wireName()).setParameter("viewer", viewer.value());
            if (!teams.isEmpty()) {
                query.setParameter("teams", teams.stream().map(TeamId::value).toList());
            }
        }
        var items = rows
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList()
                .stream()
                .map(ItemEntity::toDomain)
                .toList();
        return new Page<>(items, count.getSingleResult(), request);
    }

    @Override
    public java.util.List<Item> findAt(VaultId vaultId, String path) {
        return em
                .createQuery("SELECT i FROM ItemEntity i WHERE i.vaultId = :vault AND i.path = :path", ItemEntity.class)
                .setParameter("vault", vaultId.value())
                .setParameter("path", path)
                .getResultList()
                .stream()
                .map(ItemEntity::toDomain)
                .toList();
    }

    @Override
    public void save(Item item) {
        ItemEntity existing = em.find(ItemEntity.class, item.id().value());
        if (existing == null) {
            em.persist(new ItemEntity(item));
        } else {
            existing.copyFrom(item);
        }
        em.flush();
    }
}
