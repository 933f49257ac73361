package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.item.ItemService;
import dev.latchkey.domain.item.ItemType;
import dev.latchkey.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Secrets: read with {@code read:items:secrets} (or {@code read:items}); created by people. Everyone sees only the
 * secrets they own or that are shared with their teams; the keys the wizard saved in a vault are among them.
 */
@Path("v1/secrets")
@RequestScoped
@Tag(name = "Items")
@Produces(MediaType.APPLICATION_JSON)
public class SecretsResource {
    @Inject
    ItemService items;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_SECRETS)
    @Operation(
            operationId = "listSecrets",
            summary = "List secrets",
            description = "The secrets the caller owns or that are shared with their teams, newest first; no values.")
    public ItemJson.SecretList list(
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
        Page<Item> page = items.list(ItemType.SECRET, caller.userId(), Paging.request(number, size));
        return new ItemJson.SecretList(
                page.items().stream().map(item -> ItemJson.secret(item, null)).toList(),
                Paging.links(uri, page),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_SECRET)
    @Operation(
            operationId = "getSecret",
            summary = "Get a secret",
            description = "The secret with its value, read from its vault. API keys the wizard saved are the "
                    + "exception: their value is never shown again (the plaintext key appears only in the wizard's "
                    + "scopes step); read them in the vault itself. The response carries Cache-Control: no-store. "
                    + "404 for secrets the caller may not see.")
    @APIResponse(
            responseCode = "200",
            description = "The secret, with its value unless the wizard saved it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretDocument")))
    public Response get(
            @Parameter(
                            description = "The secret's id.",
                            example = "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        Item item = items.get(ItemType.SECRET, PathId.ITEM.parse(id), caller.userId());
        return SecretResponses.status(
                        200,
                        new ItemJson.SecretDocument(ItemJson.secret(
                                item, items.revealableValue(item).orElse(null))))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_SECRET)
    @Transactional
    @Operation(
            operationId = "createSecret",
            summary = "Create a secret",
            description = "Writes the value into the vault (which needs vault_writer on its integration, unless "
                    + "Owner or Super Admin) and catalogs it. The response does not repeat the value.")
    @APIResponse(
            responseCode = "201",
            description = "The new secret, without its value.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SecretDocument")))
    public Response create(CreateRequest request) {
        Item created = items.createSecret(
                caller.person(),
                request.vaultId(),
                request.title(),
                request.category(),
                request.value(),
                request.sharedWithTeamIds() == null ? List.of() : request.sharedWithTeamIds());
        return Response.status(201)
                .entity(new ItemJson.SecretDocument(ItemJson.secret(created, null)))
                .build();
    }

    @Schema(name = "CreateSecretRequest", description = "A new secret.")
    public record CreateRequest(
            @Schema(
                    required = true,
                    format = "uuid",
                    description = "Where to keep the value.",
                    examples = "2d4f6a8c-1e3b-4d5f-8a7c-9e0b1d2f3a4c")
            String vaultId,

            @Schema(
                    required = true,
                    maxLength = 200,
                    examples = "Stripe live key",
                    description = "What the secret is; trimmed.")
            String title,

            @Schema(
                    required = true,
                    maxLength = 200,
                    examples = "payments",
                    description = "Free text that groups secrets; trimmed.")
            String category,

            @Schema(
                    required = true,
                    maxLength = 10000,
                    format = "password",
                    examples = "sk_live_…",
                    description =
                            "Written only to the vault: not to Latchkey's catalog, and not returned by this call.")
            String value,

            @Schema(
                    description = "Teams whose members may see the secret too.",
                    examples = "[\"3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f\"]")
            List<String> sharedWithTeamIds) {
        @Override
        public String toString() {
            return "CreateSecretRequest[title=" + title + ", value=***]";
        }
    }
}
