package dev.latchkey.api.jobs;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobAlreadyRunningException;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.job.JobTrigger;
import dev.latchkey.domain.job.JobType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims a job's slot, then runs the job on the container's managed executor. Whoever asked gets the job back at
 * once, still {@code created}; its progress is read from the jobs API.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    JobTransactions transactions;

    @Inject
    LatchkeyConfig config;

    @Inject
    Instance<JobHold> holds;

    private JobHold hold = JobHold.NEVER;

    @PostConstruct
    void chooseHold() {
        hold = hold(config.testingClockControl(), holds::get);
    }

    /** Never held, unless the server runs with clock control: only then is a hold (the testing job gate) looked up. */
    static JobHold hold(boolean clockControl, Supplier<JobHold> testingHold) {
        return clockControl ? testingHold.get() : JobHold.NEVER;
    }

    /** Claims the slot (committed when this returns) and hands the job to a worker; refused while one runs. */
    public Job request(JobType type, JobTrigger trigger, Actor requestedBy) {
        Job job = transactions.request(type, trigger, requestedBy);
        try {
            executor.execute(() -> run(job.id()));
        } catch (RejectedExecutionException e) {
            // Without this the job would hold its slot forever.
            transactions.fail(job.id(), "the server is shutting down or overloaded; run the job again later");
            throw e;
        }
        return job;
    }

    /** The schedule's entry point: a run still going simply means this tick has nothing to do. */
    public void requestScheduled(JobType type) {
        try {
            request(type, JobTrigger.SYSTEM, Actor.SYSTEM);
        } catch (JobAlreadyRunningException e) {
            LOG.fine(() -> "Skipped a scheduled " + type + " run: the previous one is still going");
        } catch (RuntimeException e) {
            // An exception would cancel the schedule for good; log it and try again next tick.
            LOG.log(Level.WARNING, "Could not start a scheduled " + type + " run", e);
        }
    }

    private void run(JobId id) {
        try {
            hold.awaitRelease();
            transactions.begin(id);
            transactions.perform(id);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Job " + id + " failed, incident " + incident, e);
            // The exception's message is not shown: it may name internals. The log line has it.
            transactions.fail(
                    id, "the job failed unexpectedly; the server log has the cause under incident " + incident);
        }
    }
}
