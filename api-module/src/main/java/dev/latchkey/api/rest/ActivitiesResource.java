package dev.latchkey.api.rest;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityFilter;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.shared.WireNamed;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The activity log, newest first: sign-ins, every wizard step, key and user changes, failed authentications. */
@Path("v1/activities")
@RequestScoped
@Tag(name = "Activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    @Inject
    ActivityLog activities;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_ACTIVITIES)
    @Operation(
            operationId = "listActivities",
            summary = "List activities",
            description = "Pages through the activity log, newest first. Entries name keys by id and never hold a "
                    + "secret.")
    public ListDocument list(
            @Parameter(
                            description = "Only activities of this type.",
                            example = "api_key.generated",
                            schema = @Schema(ref = "ActivityType"))
                    @QueryParam("filter[type]")
                    String type,
            @Parameter(
                            description = "Only activities by this person (user id).",
                            example = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11",
                            schema = @Schema(format = "uuid"))
                    @QueryParam("filter[actor]")
                    String actor,
            @Parameter(
                            description = "Only activities at or after this instant.",
                            example = "2026-11-27T00:00:00Z",
                            schema = @Schema(format = "date-time"))
                    @QueryParam("filter[since]")
                    String since,
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
        Violations violations = new Violations();
        Optional<ActivityType> parsedType = Optional.ofNullable(type).flatMap(t -> violations.collect(() -> typeOf(t)));
        Optional<String> parsedActor = Optional.ofNullable(actor).flatMap(a -> violations.collect(() -> actorOf(a)));
        Optional<Instant> parsedSince = Optional.ofNullable(since).flatMap(s -> violations.collect(() -> instantOf(s)));
        var request = violations.collect(() -> Paging.request(number, size));
        violations.throwIfAny();
        Page<Activity> page =
                activities.page(new ActivityFilter(parsedType, parsedActor, parsedSince), request.orElseThrow());
        return new ListDocument(
                page.items().stream().map(ActivitiesResource::toJson).toList(),
                Paging.links(uri, page, "filter[type]", "filter[actor]", "filter[since]"),
                Paging.meta(page));
    }

    private static ActivityType typeOf(String wireName) {
        return WireNamed.find(ActivityType.class, wireName)
                .orElseThrow(() -> new ValidationException(new Violation(
                        "filter[type]",
                        "unknown_activity_type",
                        "filter[type] must be one of "
                                + Arrays.stream(ActivityType.values())
                                        .map(ActivityType::wireName)
                                        .toList())));
    }

    private static String actorOf(String userId) {
        try {
            return new UserId(userId).value();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    new Violation("filter[actor]", "invalid_user_id", "filter[actor] must be a user id"));
        }
    }

    private static Instant instantOf(String text) {
        try {
            Instant since = Instant.parse(text);
            // Instant reaches year ±1,000,000,000, far past what the database's timestamp (epoch millis) can hold.
            if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
                throw new ValidationException(new Violation(
                        "filter[since]",
                        "instant_out_of_range",
                        "filter[since] must lie between the years 0001 and 9999, such as 2026-11-27T00:00:00Z"));
            }
            return since;
        } catch (DateTimeParseException e) {
            throw new ValidationException(new Violation(
                    "filter[since]",
                    "invalid_instant",
                    "filter[since] must be an ISO-8601 instant such as 2026-11-27T00:00:00Z"));
        }
    }

    private static Data toJson(Activity activity) {
        return new Data(
                activity.id(),
                "activity",
                new Attributes(
                        activity.type().wireName(),
                        activity.occurredAt(),
                        new ActorJson(
                                activity.actor().userId().map(UserId::value).orElse(null),
                                activity.actor().apiKeyId().orElse(null),
                                activity.actor().display()),
                        new SubjectJson(activity.subjectType(), activity.subjectId()),
                        activity.details()));
    }

    @Schema(name = "ActivityList", description = "A page of the activity log.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "Activity", description = "One entry of the activity log.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "5d1e7c2a-8f3b-4a6d-9e0c-7b4f2a1d3c5e")
            String id,

            @Schema(required = true, enumeration = "activity", examples = "activity")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "ActivityAttributes", description = "What happened, when, by whom and to what.")
    public record Attributes(
            @Schema(required = true, ref = "ActivityType") String type,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When it happened.",
                    examples = "2026-11-27T10:15:30Z")
            Instant occurredAt,

            @Schema(required = true, description = "Who did it.")
            ActorJson actor,

            @Schema(required = true, description = "What it was done to.")
            SubjectJson subject,

            @Schema(
                    required = true,
                    description = "Names and ids involved; never a secret.",
                    examples = "{\"name\": \"CI pipeline\"}")
            Map<String, String> details) {}

    @Schema(name = "ActivityActor", description = "Who did it.")
    public record ActorJson(
            @Schema(
                    format = "uuid",
                    description = "The person, if known.",
                    examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String userId,

            @Schema(description = "The API key's public id, when a key was used.", examples = "7Hq2VbX9kLm3")
            String apiKeyId,

            @Schema(
                    required = true,
                    examples = "ada@example.com",
                    description = "How to name the actor to a person: an email, or the key when the person is unknown.")
            String display) {}

    @Schema(name = "ActivitySubject", description = "What it was done to.")
    public record SubjectJson(
            @Schema(
                    required = true,
                    examples = "api_key",
                    description = "The kind of thing: api_key, api_key_wizard or user.")
            String type,

            @Schema(required = true, examples = "7Hq2VbX9kLm3", description = "The thing's id.")
            String id) {}
}
