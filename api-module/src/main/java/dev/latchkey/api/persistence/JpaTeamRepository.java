package dev.latchkey.api.persistence;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Teams in the platform database. */
@ApplicationScoped
public class JpaTeamRepository implements TeamRepository {
    private static final UniqueConstraint NAME_KEY = UniqueConstraint.named("uq_teams_name_key");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<Team> findById(TeamId id) {
        return Optional.ofNullable(em.find(TeamEntity.class, id.value())).map(TeamEntity::toDomain);
    }

    @Override
    public boolean nameTaken(TeamName name, Optional<TeamId> except) {
        return em.createQuery(
                                "SELECT COUNT(t) FROM TeamEntity t WHERE t.nameKey = :key AND t.id <> :except",
                                Long.class)
                        .setParameter("key", name.normalized())
                        .setParameter("except", except.map(TeamId::value).orElse(""))
                        .getSingleResult()
                > 0;
    }

    @Override
    public Page<Team> page(String text, PageRequest request) {
        String pattern = "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = " WHERE t.nameKey LIKE :p ESCAPE '\\'";
        long total = em.createQuery("SELECT COUNT(t) FROM TeamEntity t" + where, Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        var rows = em.createQuery("SELECT t FROM TeamEntity t" + where + " ORDER BY t.nameKey, t.id", TeamEntity.class)
                .setParameter("p", pattern)
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(TeamEntity::toDomain).toList(), total, request);
    }

    @Override
    public List<TeamId> teamsOf(UserId userId) {
        return em
                .createQuery(
                        "SELECT t.id FROM TeamEntity t JOIN t.memberIds m WHERE m = :user ORDER BY t.id", String.class)
                .setParameter("user", userId.value())
                .getResultList()
                .stream()
                .map(TeamId::new)
                .toList();
    }

    @Override
    public void save(Team team) {
        TeamEntity existing = em.find(TeamEntity.class, team.id().value());
        if (existing == null) {
            em.persist(new TeamEntity(team));
        } else {
            existing.copyFrom(team);
        }
        // Another request may have given a team this name (in any case) after this one checked it.
        NAME_KEY.flush(
                em,
                () -> new Violation(
                        "name",
                        "name_taken",
                        "another team is already named '" + team.name() + "'; choose a different name"));
    }

    @Override
    public void delete(TeamId id) {
        TeamEntity existing = em.find(TeamEntity.class, id.value());
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
    }
}
