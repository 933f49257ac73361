package dev.latchkey.api.persistence;

import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.job.JobResult;
import dev.latchkey.domain.job.JobStatus;
import dev.latchkey.domain.job.JobTrigger;
import dev.latchkey.domain.job.JobType;
import dev.latchkey.domain.workspace.UserId;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Row of {@code jobs}; {@code runningSlot} is what the database keeps unique per running type. */
@Entity
@Table(name = "jobs")
public class JobEntity {
    @Id
    private String id;

    @Column(name = "workflow_type")
    private String workflowType;

    @Column(name = "trigger_kind")
    private String triggerKind;

    private String status;

    @Column(name = "running_slot")
    private String runningSlot;

    @Column(name = "requested_by_user_id")
    private String requestedByUserId;

    @Column(name = "requested_by_api_key_id")
    private String requestedByApiKeyId;

    @Column(name = "requested_by_display")
    private String requestedByDisplay;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "result_summary")
    private String resultSummary;

    @Column(name = "result_counts")
    private String resultCounts;

    @Column(name = "error_detail")
    private String errorDetail;

    @Version
    private long version;

    protected JobEntity() {}

    JobEntity(Job job) {
        id = job.id().value();
        workflowType = job.type().wireName();
        triggerKind = job.trigger().wireName();
        requestedByUserId = job.requestedBy().userId().map(UserId::value).orElse(null);
        requestedByApiKeyId = job.requestedBy().apiKeyId().orElse(null);
        requestedByDisplay = job.requestedBy().display();
        createdAt = job.createdAt();
        copyFrom(job);
    }

    final void copyFrom(Job job) {
        status = job.status().wireName();
        runningSlot = job.status().holdsSlot() ? job.type().wireName() : null;
        startedAt = job.startedAt().orElse(null);
        finishedAt = job.finishedAt().orElse(null);
        resultSummary = job.result().map(JobResult::summary).orElse(null);
        resultCounts = job.result()
                .map(result -> {
                    JsonObjectBuilder json = Json.createObjectBuilder();
                    result.counts().forEach(json::add);
                    return json.build().toString();
                })
                .orElse(null);
        errorDetail = job.error().orElse(null);
    }

    Job toDomain() {
        Actor requestedBy = new Actor(
                Optional.ofNullable(requestedByUserId).map(UserId::new),
                Optional.ofNullable(requestedByApiKeyId),
                requestedByDisplay);
        Optional<JobResult> result =
                Optional.ofNullable(resultSummary).map(summary -> new JobResult(summary, counts(resultCounts)));
        return new Job(
                new JobId(id),
                JobType.parse(workflowType, "workflowType"),
                JobTrigger.parse(triggerKind),
                requestedBy,
                JobStatus.parse(status),
                createdAt,
                Optional.ofNullable(startedAt),
                Optional.ofNullable(finishedAt),
                result,
                Optional.ofNullable(errorDetail));
    }

    private static Map<String, Long> counts(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return json.keySet().stream()
                .collect(Collectors.toMap(key -> key, key -> ((JsonNumber) json.get(key)).longValue()));
    }
}
