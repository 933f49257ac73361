package dev.latchkey.api.persistence;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/** Users in the platform database. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {
    private static final UniqueConstraint EMAIL = UniqueConstraint.named("uq_users_email");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(em.find(UserEntity.class, id.value())).map(UserEntity::toDomain);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.email = :email", UserEntity.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .map(UserEntity::toDomain);
    }

    @Override
    public Page<User> page(String text, PageRequest request) {
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = " WHERE LOWER(u.name) LIKE :p ESCAPE '\\' OR u.email LIKE :p ESCAPE '\\'";
        long total = em.createQuery("SELECT COUNT(u) FROM UserEntity u" + where, Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        var rows = em.createQuery(
                        "SELECT u FROM UserEntity u" + where + " ORDER BY u.createdAt, u.id", UserEntity.class)
                .setParameter("p", pattern)
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(UserEntity::toDomain).toList(), total, request);
    }

    @Override
    public boolean ownerExists() {
        return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.role = :role", Long.class)
                        .setParameter("role", Role.WORKSPACE_OWNER.wireName())
                        .getSingleResult()
                > 0;
    }

    @Override
    public void save(User user) {
        UserEntity existing = em.find(UserEntity.class, user.id().value());
        if (existing == null) {
            em.persist(new UserEntity(user));
        } else {
            existing.copyFrom(user);
        }
        // Another request may have created a user with this email after this one checked it.
        EMAIL.flush(
                em,
                () -> new Violation(
                        "email",
                        "email_taken",
                        "a user with email " + user.email().value() + " already exists"));
    }
}
