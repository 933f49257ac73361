package dev.latchkey.domain.job;

import dev.latchkey.domain.audit.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job type: requested, then running, then finished with a result or failed with an error detail. Each
 * move returns a new value; a move out of order is a programming error.
 */
public record Job(
        JobId id,
        JobType type,
        JobTrigger trigger,
        Actor requestedBy,
        JobStatus status,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<JobResult> result,
        Optional<String> error) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
    }

    public static Job request(JobType type, JobTrigger trigger, Actor requestedBy, Instant now) {
        return new Job(
                JobId.generate(),
                type,
                trigger,
                requestedBy,
                JobStatus.CREATED,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public Job start(Instant now) {
        require(JobStatus.CREATED, "start");
        return new Job(
                id,
                type,
                trigger,
                requestedBy,
                JobStatus.RUNNING,
                createdAt,
                Optional.of(now),
                finishedAt,
                result,
                error);
    }

    public Job finish(JobResult outcome, Instant now) {
        require(JobStatus.RUNNING, "finish");
        return new Job(
                id,
                type,
                trigger,
                requestedBy,
                JobStatus.FINISHED,
                createdAt,
                startedAt,
                Optional.of(now),
                Optional.of(outcome),
                error);
    }

    /** A job may fail before it started (the server stopped while it waited) or while running. */
    public Job fail(String detail, Instant now) {
        if (!status.holdsSlot()) {
            throw new IllegalStateException("cannot fail a " + status + " job");
        }
        return new Job(
                id,
                type,
                trigger,
                requestedBy,
                JobStatus.ERROR,
                createdAt,
                startedAt,
                Optional.of(now),
                result,
                Optional.of(detail));
    }

    private void require(JobStatus expected, String move) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + move + " a " + status + " job");
        }
    }
}
