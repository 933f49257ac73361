package dev.latchkey.api.jobs;

import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.job.JobService;
import dev.latchkey.domain.job.JobTrigger;
import dev.latchkey.domain.job.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Each step of a job in a transaction of its own, as {@link JobService} requires: the claim must be committed before
 * a worker looks for the job, and a failure must be recorded after the failed work has rolled back.
 */
@ApplicationScoped
public class JobTransactions {
    @Inject
    JobService jobs;

    @Transactional(TxType.REQUIRES_NEW)
    public Job request(JobType type, JobTrigger trigger, Actor requestedBy) {
        return jobs.request(type, trigger, requestedBy);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Job begin(JobId id) {
        return jobs.begin(id);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Job perform(JobId id) {
        return jobs.perform(id);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Job fail(JobId id, String detail) {
        return jobs.fail(id, detail);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int failInterrupted() {
        return jobs.failInterrupted();
    }
}
