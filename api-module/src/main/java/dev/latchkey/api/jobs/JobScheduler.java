package dev.latchkey.api.jobs;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.api.persistence.SchemaMigration;
import dev.latchkey.domain.job.JobType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * At startup, fails the jobs a previous run of the server left unfinished (they hold their slot and would block
 * their type forever), then runs every job type every {@code latchkey.jobs.interval}. Latchkey runs as one node;
 * with several, the slot would still keep runs apart, but a restarting node would fail its peers' running jobs.
 */
@Startup
@Singleton
@DependsOn(SchemaMigration.NAME)
public class JobScheduler { // not final: the EJB container subclasses its beans
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    JobRunner runner;

    @Inject
    JobTransactions transactions;

    @Inject
    LatchkeyConfig config;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    @PostConstruct
    void start() {
        int interrupted = transactions.failInterrupted();
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " job(s) were unfinished when the server last stopped; marked them failed");
        }
        long every = config.jobsInterval().toMillis();
        for (JobType type : JobType.values()) {
            schedules.add(scheduler.scheduleAtFixedRate(
                    () -> runner.requestScheduled(type), every, every, TimeUnit.MILLISECONDS));
        }
        LOG.info(() -> "Automated jobs run every " + config.jobsInterval());
    }

    @PreDestroy
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
