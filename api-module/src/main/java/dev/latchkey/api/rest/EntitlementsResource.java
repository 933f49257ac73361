package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.entitlement.Entitlement;
import dev.latchkey.domain.entitlement.EntitlementService;
import dev.latchkey.domain.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who holds which role on an integration's vaults: read with {@code read:integrations}, granted and revoked with
 * {@code write:integrations}. Saving into a vault needs {@code vault_writer} on its integration (the workspace Owner
 * and Super Admins always have it).
 */
@Path("v1/integrations/{integrationId}/entitlements")
@RequestScoped
@Tag(name = "Integrations")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementsResource {
    @Inject
    EntitlementService entitlements;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_ENTITLEMENTS)
    @Operation(
            operationId = "listEntitlements",
            summary = "List an integration's entitlements",
            description = "Oldest first.")
    public ListDocument list(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("integrationId")
                    String integrationId,
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
        Page<Entitlement> page =
                entitlements.list(PathId.INTEGRATION.parse(integrationId), Paging.request(number, size));
        return new ListDocument(
                page.items().stream().map(EntitlementsResource::toJson).toList(),
                Paging.links(uri, page),
                Paging.meta(page));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.GRANT_ENTITLEMENT)
    @Transactional
    @Operation(
            operationId = "grantEntitlement",
            summary = "Grant a vault role",
            description = "Gives a user, or every member of a team, vault_reader or "
                    + "vault_writer on the integration's vaults. Granting what is already held is a 409.")
    @APIResponse(
            responseCode = "201",
            description = "The new entitlement.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntitlementDocument")))
    public Response grant(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("integrationId")
                    String integrationId,
            GrantRequest request) {
        Entitlement granted = entitlements.grant(
                caller.actor(),
                PathId.INTEGRATION.parse(integrationId),
                request.granteeType(),
                request.granteeId(),
                request.role());
        return Response.status(201).entity(new Document(toJson(granted))).build();
    }

    @DELETE
    @Path("{id}")
    @Guarded(Permission.REVOKE_ENTITLEMENT)
    @Transactional
    @Operation(
            operationId = "revokeEntitlement",
            summary = "Revoke a vault role",
            description = "Takes effect on the grantee's next request.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(
            @Parameter(
                            description = "The integration's id.",
                            example = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("integrationId")
                    String integrationId,
            @Parameter(
                            description = "The entitlement's id.",
                            example = "0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        entitlements.revoke(caller.actor(), PathId.INTEGRATION.parse(integrationId), PathId.ENTITLEMENT.parse(id));
        return Response.noContent().build();
    }

    private static Data toJson(Entitlement entitlement) {
        return new Data(
                entitlement.id().value(),
                "entitlement",
                new Attributes(
                        entitlement.integrationId().value(),
                        entitlement.granteeType().wireName(),
                        entitlement.granteeId(),
                        entitlement.role().wireName(),
                        entitlement.createdAt()));
    }

    @Schema(name = "GrantEntitlementRequest", description = "Who gets which role.")
    public record GrantRequest(
            @Schema(
                    required = true,
                    enumeration = {"user", "team"},
                    examples = "team",
                    description = "Whether granteeId names a person or a team; a team's role reaches its members.")
            String granteeType,

            @Schema(
                    required = true,
                    format = "uuid",
                    description = "The user's or team's id.",
                    examples = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f")
            String granteeId,

            @Schema(
                    required = true,
                    enumeration = {"vault_reader", "vault_writer"},
                    examples = "vault_writer",
                    description = "vault_writer lets the grantee save secrets and accounts into the integration's "
                            + "vaults; vault_reader does not.")
            String role) {}

    @Schema(name = "EntitlementList", description = "A page of entitlements.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "EntitlementDocument", description = "One entitlement.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Entitlement", description = "A vault role held by a user or a team on one integration.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b")
            String id,

            @Schema(required = true, enumeration = "entitlement", examples = "entitlement")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "EntitlementAttributes", description = "Who holds which role where.")
    public record Attributes(
            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d",
                    description = "The integration whose vaults the role covers.")
            String integrationId,

            @Schema(
                    required = true,
                    enumeration = {"user", "team"},
                    examples = "team",
                    description = "Whether granteeId names a person or a team.")
            String granteeType,

            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f",
                    description = "The user's or team's id.")
            String granteeId,

            @Schema(
                    required = true,
                    enumeration = {"vault_reader", "vault_writer"},
                    examples = "vault_writer",
                    description = "vault_writer allows saving into the integration's vaults; vault_reader does not.")
            String role,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the role was granted.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt) {}
}
