package dev.latchkey.api.rest;

import dev.latchkey.api.jobs.JobRunner;
import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobResult;
import dev.latchkey.domain.job.JobService;
import dev.latchkey.domain.job.JobTrigger;
import dev.latchkey.domain.job.JobType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Automated jobs: read with {@code read:automations}, started on demand with {@code write:automations}. */
@Path("v1/jobs")
@RequestScoped
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    @Inject
    JobService jobs;

    @Inject
    JobRunner runner;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_JOBS)
    @Operation(
            operationId = "listJobs",
            summary = "List jobs",
            description = "Pages through job runs, newest first, scheduled and manual alike.")
    public ListDocument list(
            @Parameter(
                            description = "Page number, from 1.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam(Paging.NUMBER)
                    String number,
            @Parameter(
                            description = "Entries per page, 1 to 100.",
                            example = "25",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam(Paging.SIZE)
                    String size) {
        Page<Job> page = jobs.list(Paging.request(number, size));
        return new ListDocument(
                page.items().stream().map(JobsResource::toJson).toList(), Paging.links(uri, page), Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_JOB)
    @Operation(
            operationId = "getJob",
            summary = "Get a job",
            description = "A job's status, timestamps, and its result or error.")
    public Document get(
            @Parameter(
                            description = "The job's id.",
                            example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new Document(toJson(jobs.get(PathId.JOB.parse(id))));
    }

    // Not @Transactional: the runner commits the claim in a transaction of its own before it hands the job to a
    // worker, which must find the row already there.
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.START_JOB)
    @Operation(
            operationId = "startJob",
            summary = "Start a job",
            description = "Starts a job now and answers 202 with it, still created; follow it at its Location. "
                    + "While another job of the same workflowType is created or running, the answer is 409 "
                    + "job_already_running.")
    @APIResponse(
            responseCode = "202",
            description = "The job, accepted and still created; its URL is in the Location header.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobDocument")))
    @APIResponse(
            responseCode = "409",
            description = "A job of this workflowType is already created or running (job_already_running).")
    public Response start(StartRequest body) {
        JobType type = JobType.parse(body.workflowType(), "workflowType");
        Actor actor = caller.actor();
        Job job = runner.request(type, JobTrigger.MANUAL, actor);
        return Response.accepted(new Document(toJson(job)))
                .location(uri.getBaseUriBuilder()
                        .path("v1/jobs")
                        .path(job.id().value())
                        .build())
                .build();
    }

    private static Data toJson(Job job) {
        Actor by = job.requestedBy();
        return new Data(
                job.id().value(),
                "job",
                new Attributes(
                        job.type().wireName(),
                        job.status().wireName(),
                        job.trigger().wireName(),
                        new RequesterJson(
                                by.userId().map(UserId::value).orElse(null),
                                by.apiKeyId().orElse(null),
                                by.display()),
                        job.createdAt(),
                        job.startedAt().orElse(null),
                        job.finishedAt().orElse(null),
                        job.result().map(JobsResource::toJson).orElse(null),
                        job.error().orElse(null)));
    }

    private static ResultJson toJson(JobResult result) {
        return new ResultJson(result.summary(), result.counts());
    }

    @Schema(name = "StartJobRequest", description = "Which job to start.")
    public record StartRequest(
            @Schema(
                    required = true,
                    enumeration = {"expire_keys", "purge_abandoned_wizards", "check_vault_health"},
                    examples = "expire_keys",
                    description = "expire_keys records the expiry of keys past their date; "
                            + "purge_abandoned_wizards expires overdue wizards and destroys their keys; "
                            + "check_vault_health asks every integration's plugin whether its storage works.")
            String workflowType) {}

    @Schema(name = "JobList", description = "A page of jobs.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "JobDocument", description = "One job.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Job", description = "One run of an automated job.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a")
            String id,

            @Schema(required = true, enumeration = "job", examples = "job")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "JobAttributes", description = "What ran, why, when, and how it ended.")
    public record Attributes(
            @Schema(
                    required = true,
                    enumeration = {"expire_keys", "purge_abandoned_wizards", "check_vault_health"},
                    examples = "expire_keys",
                    description = "Which job ran.")
            String workflowType,

            @Schema(
                    required = true,
                    enumeration = {"created", "running", "finished", "error"},
                    examples = "finished",
                    description = "created, then running, then finished or error (both final).")
            String status,

            @Schema(
                    required = true,
                    enumeration = {"system", "manual"},
                    examples = "manual",
                    description = "system for the platform's schedule, manual for POST /api/v1/jobs.")
            String trigger,

            @Schema(required = true, description = "Who asked for the job.")
            RequesterJson requestedBy,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the job was requested.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt,

            @Schema(
                    format = "date-time",
                    description = "When a worker picked the job up.",
                    examples = "2026-11-27T10:15:31Z")
            Instant startedAt,

            @Schema(
                    format = "date-time",
                    description = "When it finished or failed.",
                    examples = "2026-11-27T10:15:32Z")
            Instant finishedAt,

            @Schema(description = "Present once the job finished.")
            ResultJson result,

            @Schema(
                    description = "Present if the job failed: what went wrong.",
                    examples = "the server stopped before this job finished; run it again")
            String error) {}

    @Schema(
            name = "JobRequester",
            description = "Who asked for the job: a person, a person's API key, or the "
                    + "platform's schedule (display \"system\").")
    public record RequesterJson(
            @Schema(
                    format = "uuid",
                    description = "The person, if any.",
                    examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String userId,

            @Schema(
                    pattern = "^[0-9A-Za-z]{12}$",
                    description = "The API key's public id, when a key asked.",
                    examples = "7Hq2VbX9kLm3")
            String apiKeyId,

            @Schema(
                    required = true,
                    examples = "ada@example.com",
                    description = "Who asked, for people to read: an email, or system.")
            String display) {}

    @Schema(name = "JobResult", description = "What a finished job did.")
    public record ResultJson(
            @Schema(
                    required = true,
                    examples = "Recorded the expiry of 3 API key(s)",
                    description = "One sentence for people.")
            String summary,

            @Schema(
                    required = true,
                    examples = "{\"expiredKeys\": 3}",
                    description = "The numbers behind the "
                            + "summary, by name: expiredKeys, expiredWizards, or healthy and unhealthy.")
            Map<String, Long> counts) {}
}
