package dev.latchkey.api.persistence;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityFilter;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The activity log in the platform database. Writes join the caller's transaction and are flushed at once, so a
 * failing write fails the request that caused it.
 */
@ApplicationScoped
public class JpaActivityLog implements ActivityLog {
    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Activity activity) {
        em.persist(new ActivityEntity(activity));
        em.flush();
    }

    @Override
    public Page<Activity> page(ActivityFilter filter, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        List<Consumer<TypedQuery<?>>> parameters = new ArrayList<>();
        filter.type().ifPresent(type -> {
            conditions.add("a.type = :type");
            parameters.add(q -> q.setParameter("type", type.wireName()));
        });
        filter.actorUserId().ifPresent(actor -> {
            conditions.add("a.actorUserId = :actor");
            parameters.add(q -> q.setParameter("actor", actor));
        });
        filter.since().ifPresent(since -> {
            conditions.add("a.occurredAt >= :since");
            parameters.add(q -> q.setParameter("since", since));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM ActivityEntity a" + where, Long.class);
        TypedQuery<ActivityEntity> rows = em.createQuery(
                "SELECT a FROM ActivityEntity a" + where + " ORDER BY a.occurredAt DESC, a.id DESC",
                ActivityEntity.class);
        parameters.forEach(parameter -> {
            parameter.accept(count);
            parameter.accept(rows);
        });
        var activities = rows
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList()
                .stream()
                .map(ActivityEntity::toDomain)
                .toList();
        return new Page<>(activities, count.getSingleResult(), request);
    }
}
