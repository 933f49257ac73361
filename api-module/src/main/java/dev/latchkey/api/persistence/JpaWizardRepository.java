package dev.latchkey.api.persistence;

import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardRepository;
import dev.latchkey.domain.wizard.WizardStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Wizard runs in the platform database. */
@ApplicationScoped
public class JpaWizardRepository implements WizardRepository {
    private static final List<String> UNFINISHED =
            List.of(WizardStep.DETAILS.wireName(), WizardStep.SCOPES.wireName(), WizardStep.STORE.wireName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public Optional<ApiKeyWizard> findById(WizardId id) {
        // A move reads its wizard inside a transaction: locking the row until commit makes concurrent moves on one
        // wizard run one after another, so each loser sees the winner's step (a 409) rather than a stale one.
        LockModeType lock = em.isJoinedToTransaction() ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        return Optional.ofNullable(em.find(WizardEntity.class, id.value(), lock))
                .map(WizardEntity::toDomain);
    }

    @Override
    public void save(ApiKeyWizard wizard) {
        WizardEntity existing = em.find(WizardEntity.class, wizard.id().value());
        if (existing == null) {
            em.persist(new WizardEntity(wizard));
        } else {
            existing.copyFrom(wizard);
        }
        em.flush();
    }

    @Override
    public List<ApiKeyWizard> findOverdue(Instant now, int limit) {
        return em
                .createQuery(
                        "SELECT w FROM WizardEntity w WHERE w.step IN :steps AND w.deadline <= :now"
                                + " ORDER BY w.deadline",
                        WizardEntity.class)
                .setParameter("steps", UNFINISHED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(WizardEntity::toDomain)
                .toList();
    }
}
