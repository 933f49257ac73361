package dev.latchkey.api.persistence;

import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobAlreadyRunningException;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.job.JobRepository;
import dev.latchkey.domain.job.JobStatus;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Job runs in the platform database. The single-runner rule is the {@code uq_jobs_running_slot} constraint: an
 * insert that would give a type a second running job fails in the database, which this adapter reports as
 * {@link JobAlreadyRunningException}.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {
    /** SQLSTATE for a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Override
    public void insert(Job job) {
        if (!job.status().holdsSlot()) {
            throw new IllegalArgumentException("only a created or running job is inserted");
        }
        // The common refusal, answered without provoking (and logging) a constraint violation; the constraint
        // still decides a race between this check and the insert.
        if (slotTaken(job)) {
            throw new JobAlreadyRunningException(job.type());
        }
        try {
            em.persist(new JobEntity(job));
            em.flush();
        } catch (PersistenceException e) {
            // Job ids are random UUIDs, so the running slot is the only unique value this insert can clash on.
            if (isUniqueViolation(e)) {
                throw new JobAlreadyRunningException(job.type());
            }
            throw e;
        }
    }

    @Override
    public void save(Job job) {
        JobEntity existing = em.find(JobEntity.class, job.id().value());
        if (existing == null) {
            throw new IllegalStateException("job " + job.id() + " was never inserted");
        }
        existing.copyFrom(job);
        em.flush();
    }

    @Override
    public Optional<Job> findById(JobId id) {
        return Optional.ofNullable(em.find(JobEntity.class, id.value())).map(JobEntity::toDomain);
    }

    @Override
    public Page<Job> page(PageRequest request) {
        long total =
                em.createQuery("SELECT COUNT(j) FROM JobEntity j", Long.class).getSingleResult();
        var rows = em.createQuery("SELECT j FROM JobEntity j ORDER BY j.createdAt DESC, j.id DESC", JobEntity.class)
                .setFirstResult(Math.toIntExact(request.offset()))
                .setMaxResults(request.size())
                .getResultList();
        return new Page<>(rows.stream().map(JobEntity::toDomain).toList(), total, request);
    }

    @Override
    public List<Job> findUnfinished() {
        return em
                .createQuery(
                        "SELECT j FROM JobEntity j WHERE j.status IN :statuses ORDER BY j.createdAt", JobEntity.class)
                .setParameter("statuses", List.of(JobStatus.CREATED.wireName(), JobStatus.RUNNING.wireName()))
                .getResultList()
                .stream()
                .map(JobEntity::toDomain)
                .toList();
    }

    private boolean slotTaken(Job job) {
        return em.createQuery("SELECT COUNT(j) FROM JobEntity j WHERE j.runningSlot = :type", Long.class)
                        .setParameter("type", job.type().wireName())
                        .getSingleResult()
                > 0;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
