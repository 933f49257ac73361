package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.Plan;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Integrations, managed Terraform-style: plan to see what a configuration would do, then apply it with create,
 * update or delete, which run the same validation. A configuration is the whole desired state.
 */
@Path("v1/integrations")
@RequestScoped
@Tag(name = "Integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {
    @Inject
    IntegrationService integrations;

    @Inject
    CurrentCaller caller;

    @GET
    @Guarded(Permission.LIST_INTEGRATIONS)
    @Operation(
            operationId = "listIntegrations",
            summary = "List integrations",
            description = "Every integration with its health; sensitive values are "
                    + "never returned, only the names of those that are set.")
    public IntegrationJson.ListDocument list() {
        return new IntegrationJson.ListDocument(
                integrations.list().stream().map(this::json).toList());
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_INTEGRATION)
    @Operation(
            operationId = "getIntegration",
            summary = "Get an integration",
            description = "Its configuration without sensitive values, and its health.")
    public IntegrationJson.Document get(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new IntegrationJson.Document(json(integrations.get(PathId.INTEGRATION.parse(id))));
    }

    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.PLAN_INTEGRATION)
    @Operation(
            operationId = "planIntegration",
            summary = "Plan an integration change",
            description = "With type and name: what creating it would do. "
                    + "With id: what changing it would do. Answers create, update, replace or no-op with the "
                    + "attribute-level changes (sensitive values as (sensitive)) and the plugin's warnings. Nothing is "
                    + "applied. An invalid configuration is a 400 naming each attribute.")
    public IntegrationJson.PlanDocument plan(PlanRequest request) {
        Plan plan = request.id() == null
                ? integrations.planCreate(request.type(), request.name(), config(request.config()))
                : integrations.planUpdate(
                        integrationIdIn(request.id()),
                        Optional.ofNullable(request.name()),
                        Optional.ofNullable(request.config()).map(IntegrationsResource::config));
        return IntegrationJson.of(plan);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_INTEGRATION)
    @Transactional
    @Operation(
            operationId = "createIntegration",
            summary = "Create an integration",
            description = "Validates like the plan, then opens the vault; a "
                    + "configuration the plugin refuses is a 400 with its diagnostics, and nothing is stored.")
    @APIResponse(
            responseCode = "201",
            description = "The new integration.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IntegrationDocument")))
    public Response create(CreateRequest request) {
        Integration created =
                integrations.create(caller.actor(), request.type(), request.name(), config(request.config()));
        return Response.status(201)
                .entity(new IntegrationJson.Document(json(created)))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.UPDATE_INTEGRATION)
    @Transactional
    @Operation(
            operationId = "updateIntegration",
            summary = "Change an integration",
            description = "Applies what the plan shows: an update reopens the vault "
                    + "with the new configuration; a replacement opens a new, empty vault instance (secrets of the old "
                    + "one stay where they were but are no longer read). config, when given, is the whole desired "
                    + "configuration, sensitive values included.")
    public IntegrationJson.Document update(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            UpdateRequest request) {
        Integration updated = integrations.update(
                caller.actor(),
                PathId.INTEGRATION.parse(id),
                Optional.ofNullable(request.name()),
                Optional.ofNullable(request.config()).map(IntegrationsResource::config));
        return new IntegrationJson.Document(json(updated));
    }

    @DELETE
    @Path("{id}")
    @Guarded(Permission.DELETE_INTEGRATION)
    @Transactional
    @Operation(
            operationId = "deleteIntegration",
            summary = "Delete an integration",
            description = "Refused with 409 while a vault uses it. Secrets already "
                    + "written stay where the plugin put them.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        integrations.delete(caller.actor(), PathId.INTEGRATION.parse(id));
        return Response.noContent().build();
    }

    private IntegrationJson.Resource json(Integration integration) {
        return IntegrationJson.of(integration, integrations.health(integration));
    }

    private static Map<String, String> config(Map<String, String> given) {
        // A JSON array or scalar can reach here as a map with a null key; it must be refused before any plugin sees it.
        if (given != null
                && given.entrySet().stream().anyMatch(entry -> entry.getKey() == null || entry.getValue() == null)) {
            throw new ValidationException(new Violation(
                    "config",
                    "invalid_config",
                    "config must be an object whose values are strings, such as {\"max_versions\": \"20\"}; leave an "
                            + "attribute out to unset it"));
        }
        return given == null ? Map.of() : given;
    }

    private static IntegrationId integrationIdIn(String id) {
        if (!Ids.isId(id)) {
            throw new ValidationException(new Violation(
                    "id",
                    "unknown_integration",
                    "id must be the id of an integration; GET /api/v1/integrations lists them"));
        }
        return new IntegrationId(id);
    }

    @Schema(
            name = "IntegrationPlanRequest",
            description = "Either type and name (a new integration) or id (an "
                    + "existing one), with the desired configuration.")
    public record PlanRequest(
            @Schema(
                    format = "uuid",
                    description = "An existing integration to change.",
                    examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d")
            String id,

            @Schema(description = "The vault provider, for a new integration.", examples = "file")
            String type,

            @Schema(
                    maxLength = 100,
                    examples = "Team files",
                    description = "The integration's name; unique in the workspace.")
            String name,

            @Schema(
                    description = "Attribute name to value, all as text. For an existing integration, absent means "
                            + "unchanged.",
                    examples = "{\"max_versions\": \"20\"}")
            Map<String, String> config) {
        @Override
        public String toString() {
            return "PlanRequest[id=" + id + ", type=" + type + ", name=" + name + "]";
        }
    }

    @Schema(name = "CreateIntegrationRequest", description = "A new integration.")
    public record CreateRequest(
            @Schema(required = true, description = "The vault provider's id.", examples = "file")
            String type,

            @Schema(
                    required = true,
                    maxLength = 100,
                    examples = "Team files",
                    description = "Unique among the workspace's integrations.")
            String name,

            @Schema(
                    description = "Attribute name to value, all as text; sensitive values are write-only.",
                    examples = "{\"directory\": \"/var/lib/latchkey/team\"}")
            Map<String, String> config) {
        @Override
        public String toString() {
            return "CreateIntegrationRequest[type=" + type + ", name=" + name + "]";
        }
    }

    @Schema(name = "UpdateIntegrationRequest", description = "What to change; absent members stay as they are.")
    public record UpdateRequest(
            @Schema(maxLength = 100, examples = "Team files", description = "A new name, if it changes.")
            String name,

            @Schema(
                    description = "The whole desired configuration, sensitive values included.",
                    examples = "{\"max_versions\": \"20\"}")
            Map<String, String> config) {
        @Override
        public String toString() {
            return "UpdateIntegrationRequest[name=" + name + "]";
        }
    }
}
