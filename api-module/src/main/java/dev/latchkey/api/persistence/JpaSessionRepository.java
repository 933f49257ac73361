package dev.latchkey.api.persistence;

import dev.latchkey.domain.session.Session;
import dev.latchkey.domain.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Sessions in the platform database, by token digest. */
@ApplicationScoped
public class JpaSessionRepository implements SessionRepository {
    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public void save(Session session) {
        em.persist(new SessionEntity(session));
    }

    @Override
    public Optional<Session> findByDigest(String tokenDigest) {
        return Optional.ofNullable(em.find(SessionEntity.class, tokenDigest)).map(SessionEntity::toDomain);
    }

    @Override
    public void delete(String tokenDigest) {
        em.createQuery("DELETE FROM SessionEntity s WHERE s.tokenDigest = :digest")
                .setParameter("digest", tokenDigest)
                .executeUpdate();
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createQuery("DELETE FROM SessionEntity s WHERE s.expiresAt <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
