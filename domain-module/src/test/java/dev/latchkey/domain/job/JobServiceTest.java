package dev.latchkey.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.testing.InMemoryJobRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobServiceTest {
    private final MutableClock clock = new MutableClock();
    private final InMemoryJobRepository jobs = new InMemoryJobRepository();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final AtomicInteger expiredKeys = new AtomicInteger(3);
    private final JobService service = new JobService(
            jobs,
            activities,
            clock,
            Map.of(
                    JobType.EXPIRE_KEYS,
                            () -> new JobResult(
                                    "Recorded the expiry of " + expiredKeys.get() + " keys",
                                    Map.of("expiredKeys", (long) expiredKeys.get())),
                    JobType.PURGE_ABANDONED_WIZARDS,
                            () -> {
                                throw new IllegalStateException("boom");
                            },
                    JobType.CHECK_VAULT_HEALTH, () -> new JobResult("All 0 integrations are healthy", Map.of())));
    private final Actor ada = Actor.of(People.admin());

    @Test
    void runsThroughCreatedRunningFinishedWithTimestampsAndResult() {
        Job requested = service.request(JobType.EXPIRE_KEYS, JobTrigger.MANUAL, ada);
        assertThat(requested.status()).isEqualTo(JobStatus.CREATED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(service.begin(requested.id()).status()).isEqualTo(JobStatus.RUNNING);
        clock.advance(Duration.ofSeconds(2));
        Job finished = service.perform(requested.id());

        assertThat(finished.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(finished.startedAt()).contains(MutableClock.START.plusSeconds(1));
        assertThat(finished.finishedAt()).contains(MutableClock.START.plusSeconds(3));
        assertThat(finished.result().orElseThrow().counts()).containsEntry("expiredKeys", 3L);
        assertThat(activities.types()).containsExactly(ActivityType.JOB_REQUESTED, ActivityType.JOB_FINISHED);
        assertThat(activities.only(ActivityType.JOB_REQUESTED).actor()).isEqualTo(ada);
        assertThat(activities.only(ActivityType.JOB_FINISHED).details())
                .containsEntry("workflowType", "expire_keys")
                .containsEntry("expiredKeys", "3");
    }

    @Test
    void refusesASecondJobOfATypeUntilTheFirstFinishes() {
        Job first = service.request(JobType.EXPIRE_KEYS, JobTrigger.SYSTEM, Actor.SYSTEM);

        assertThatThrownBy(() -> service.request(JobType.EXPIRE_KEYS, JobTrigger.MANUAL, ada))
                .isInstanceOfSatisfying(
                        JobAlreadyRunningException.class,
                        e -> assertThat(e.code()).isEqualTo("job_already_running"));
        assertThat(service.request(JobType.PURGE_ABANDONED_WIZARDS, JobTrigger.MANUAL, ada)
                        .status())
                .as("other types are not held up")
                .isEqualTo(JobStatus.CREATED);

        service.begin(first.id());
        service.perform(first.id());
        assertThat(service.request(JobType.EXPIRE_KEYS, JobTrigger.MANUAL, ada).status())
                .isEqualTo(JobStatus.CREATED);
    }

    @Test
    void aFailedJobRecordsItsErrorAndFreesTheSlot() {
        Job job = service.request(JobType.PURGE_ABANDONED_WIZARDS, JobTrigger.MANUAL, ada);
        service.begin(job.id());
        assertThatThrownBy(() -> service.perform(job.id())).hasMessage("boom");

        Job failed = service.fail(job.id(), "the job failed");

        assertThat(failed.status()).isEqualTo(JobStatus.ERROR);
        assertThat(failed.error()).contains("the job failed");
        assertThat(activities.only(ActivityType.JOB_FAILED).details()).containsEntry("error", "the job failed");
        assertThat(service.request(JobType.PURGE_ABANDONED_WIZARDS, JobTrigger.MANUAL, ada)
                        .status())
                .isEqualTo(JobStatus.CREATED);
    }

    @Test
    void jobsInterruptedByARestartFail() {
        Job waiting = service.request(JobType.EXPIRE_KEYS, JobTrigger.SYSTEM, Actor.SYSTEM);
        Job running = service.request(JobType.PURGE_ABANDONED_WIZARDS, JobTrigger.SYSTEM, Actor.SYSTEM);
        service.begin(running.id());

        assertThat(service.failInterrupted()).isEqualTo(2);

        assertThat(service.get(waiting.id()).status()).isEqualTo(JobStatus.ERROR);
        assertThat(service.get(running.id()).error())
                .hasValueSatisfying(e -> assertThat(e).contains("stopped"));
        assertThat(service.failInterrupted()).isZero();
    }

    @Test
    void everyJobTypeNeedsWork() {
        assertThatThrownBy(() -> new JobService(jobs, activities, clock, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesOutOfOrderAreProgrammingErrors() {
        Job job = service.request(JobType.EXPIRE_KEYS, JobTrigger.MANUAL, ada);

        assertThatThrownBy(() -> service.perform(job.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.finish(new JobResult("x", Map.of()), clock.instant()))
                .isInstanceOf(IllegalStateException.class);
    }
}
