package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.item.ItemService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vaults: named places for secrets, each backed by an integration. */
@Path("v1/vaults")
@RequestScoped
@Tag(name = "Vaults")
@Produces(MediaType.APPLICATION_JSON)
public class VaultsResource {
    @Inject
    VaultService vaults;

    @Inject
    IntegrationService integrations;

    @Inject
    ItemService items;

    @Inject
    CurrentCaller caller;

    @GET
    @Guarded(Permission.LIST_VAULTS)
    @Operation(operationId = "listVaults", summary = "List vaults", description = "Every vault, the default first.")
    public VaultJson.ListDocument list() {
        return VaultJson.list(vaults.list(), id -> integrations.get(id).provider());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_VAULT)
    @Transactional
    @Operation(
            operationId = "createVault",
            summary = "Create a vault",
            description = "A new, enabled vault on an integration. The first vault, or one created with isDefault "
                    + "true, becomes the default.")
    @APIResponse(
            responseCode = "201",
            description = "The new vault.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VaultDocument")))
    public Response create(CreateRequest request) {
        Vault created = vaults.create(
                caller.actor(), request.name(), request.integrationId(), Optional.ofNullable(request.isDefault()));
        return Response.status(201)
                .entity(new VaultJson.Document(json(created)))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.UPDATE_VAULT)
    @Transactional
    @Operation(
            operationId = "updateVault",
            summary = "Change a vault",
            description = "Renames it, enables or disables it, or makes it the default. The default vault cannot be "
                    + "disabled or stop being the default (make another one the default instead): 409.")
    public VaultJson.Document update(
            @Parameter(
                            description = "The vault's id.",
                            example = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            UpdateRequest request) {
        Vault updated = vaults.update(
                caller.actor(),
                PathId.VAULT.parse(id),
                Optional.ofNullable(request.name()),
                Optional.ofNullable(request.enabled()),
                Optional.ofNullable(request.isDefault()));
        return new VaultJson.Document(json(updated));
    }

    @GET
    @Path("{id}/secrets/{path: .+}")
    @Guarded(Permission.GET_VAULT_SECRET_METADATA)
    @Operation(
            operationId = "getVaultSecretMetadata",
            summary = "Get a stored secret's metadata",
            description = "Reads the latest version through the vault's "
                    + "plugin and returns its version and metadata, for a path that holds a secret the caller may see "
                    + "(their own, or one shared with their team); any other path is a 404. The value never leaves "
                    + "the vault.")
    public VaultJson.SecretDocument secret(
            @Parameter(
                            description = "The vault's id.",
                            example = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "The secret's path, slashes included.",
                            example = "api-keys/ci-pipeline-7Hq2VbX9kLm3")
                    @PathParam("path")
                    String path) {
        return VaultJson.of(items.secretMetadata(PathId.VAULT.parse(id), path, caller.userId()));
    }

    private VaultJson.Resource json(Vault vault) {
        return VaultJson.of(vault, integrations.get(vault.integrationId()).provider());
    }

    @Schema(name = "CreateVaultRequest", description = "A new vault.")
    public record CreateRequest(
            @Schema(
                    required = true,
                    maxLength = 100,
                    examples = "Team vault",
                    description = "Unique among the workspace's vaults.")
            String name,

            @Schema(
                    required = true,
                    format = "uuid",
                    description = "The integration that will store its secrets.",
                    examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d")
            String integrationId,

            @Schema(description = "Make it the default vault.", examples = "false")
            Boolean isDefault) {}

    @Schema(name = "UpdateVaultRequest", description = "What to change; absent members stay as they are.")
    public record UpdateRequest(
            @Schema(maxLength = 100, examples = "Team vault", description = "A new name, if it changes.")
            String name,

            @Schema(description = "A disabled vault accepts no new secrets.", examples = "false")
            Boolean enabled,

            @Schema(description = "true makes it the default vault.", examples = "true")
            Boolean isDefault) {}
}
