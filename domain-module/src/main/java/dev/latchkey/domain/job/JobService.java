package dev.latchkey.domain.job;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests, runs and reports jobs. Each public method is meant to run in a transaction of its own: {@link #request}
 * claims the type's slot and must commit before the job is handed to a worker; {@link #perform} does the work and
 * records the result together, so that a failure leaves no half-done work behind; {@link #fail} runs after a
 * failed {@code perform} has rolled back.
 */
public final class JobService {
    private final JobRepository jobs;
    private final ActivityLog activities;
    private final Clock clock;
    private final Map<JobType, JobWork> work;

    public JobService(JobRepository jobs, ActivityLog activities, Clock clock, Map<JobType, JobWork> work) {
        this.jobs = jobs;
        this.activities = activities;
        this.clock = clock;
        this.work = new EnumMap<>(work);
        if (!this.work.keySet().containsAll(List.of(JobType.values()))) {
            throw new IllegalArgumentException("no work for some job types: every JobType needs a JobWork");
        }
    }

    /** Claims {@code type}'s slot; throws {@link JobAlreadyRunningException} while another one holds it. */
    public Job request(JobType type, JobTrigger trigger, Actor requestedBy) {
        Job job = Job.request(type, trigger, requestedBy, clock.instant());
        jobs.insert(job);
        record(ActivityType.JOB_REQUESTED, requestedBy, job, Map.of("trigger", trigger.wireName()));
        return job;
    }

    /** Marks the job running, so that readers can tell a waiting job from a working one. */
    public Job begin(JobId id) {
        Job running = get(id).start(clock.instant());
        jobs.save(running);
        return running;
    }

    /** Runs the job's work and records its result; if the work throws, nothing of this call is kept. */
    public Job perform(JobId id) {
        Job running = get(id);
        JobResult result = work.get(running.type()).run();
        Job finished = running.finish(result, clock.instant());
        jobs.save(finished);
        Map<String, String> details = new HashMap<>();
        details.put("summary", result.summary());
        result.counts().forEach((name, count) -> details.put(name, Long.toString(count)));
        record(ActivityType.JOB_FINISHED, Actor.SYSTEM, finished, details);
        return finished;
    }

    /** Records that the job failed and frees its slot; {@code detail} is shown to readers of the job. */
    public Job fail(JobId id, String detail) {
        Job failed = get(id).fail(detail, clock.instant());
        jobs.save(failed);
        record(ActivityType.JOB_FAILED, Actor.SYSTEM, failed, Map.of("error", detail));
        return failed;
    }

    /** After a restart, jobs that were waiting or running when the server stopped will never finish: fail them. */
    public int failInterrupted() {
        List<Job> unfinished = jobs.findUnfinished();
        unfinished.forEach(job -> fail(job.id(), "the server stopped before this job finished; run it again"));
        return unfinished.size();
    }

    public Job get(JobId id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("job_not_found", "no job with id " + id));
    }

    public Page<Job> list(PageRequest request) {
        return jobs.page(request);
    }

    private void record(ActivityType type, Actor actor, Job job, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("workflowType", job.type().wireName());
        Instant now = clock.instant();
        activities.record(Activity.of(type, now, actor, "job", job.id().value(), all));
    }
}
