package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.item.ItemService;
import dev.latchkey.domain.item.ItemType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
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
 * Accounts: credentials for an application, read with {@code read:items:accounts} (or {@code read:items}); created
 * by people. The password lives in a vault and is read only through {@code /accounts/{id}/secrets}.
 */
@Path("v1/accounts")
@RequestScoped
@Tag(name = "Items")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private static final String PASSWORD = "password";

    @Inject
    ItemService items;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_ACCOUNTS)
    @Operation(
            operationId = "listAccounts",
            summary = "List accounts",
            description = "The accounts the caller owns or that are shared with their teams, newest first.")
    public ItemJson.AccountList list(
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
        Page<Item> page = items.list(ItemType.ACCOUNT, caller.userId(), Paging.request(number, size));
        return new ItemJson.AccountList(
                page.items().stream().map(ItemJson::account).toList(),
                Paging.links(uri, page, "filter[secretType]"),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_ACCOUNT)
    @Operation(
            operationId = "getAccount",
            summary = "Get an account",
            description = "Without its password. 404 for accounts the caller may not see.")
    public ItemJson.AccountDocument get(
            @Parameter(
                            description = "The account's id.",
                            example = "8c4e2a1f-3b5d-4f6a-9e7c-0d1b2a3c4e5f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return new ItemJson.AccountDocument(
                ItemJson.account(items.get(ItemType.ACCOUNT, PathId.ITEM.parse(id), caller.userId())));
    }

    @GET
    @Path("{id}/secrets")
    @Guarded(Permission.LIST_ACCOUNT_SECRETS)
    @Operation(
            operationId = "listAccountSecrets",
            summary = "Read an account's secrets",
            description = "The account's password, read from its vault. The "
                    + "response carries Cache-Control: no-store. 404 for accounts the caller may not see.")
    @APIResponse(
            responseCode = "200",
            description = "The password, which no other response carries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountSecretList")))
    public Response secrets(
            @Parameter(
                            description = "The account's id.",
                            example = "8c4e2a1f-3b5d-4f6a-9e7c-0d1b2a3c4e5f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(description = "Only secrets of this type; accounts have one, password.", example = "password")
                    @QueryParam("filter[secretType]")
                    String secretType) {
        if (secretType != null && !secretType.equals(PASSWORD)) {
            throw new ValidationException(
                    new Violation("filter[secretType]", "unknown_secret_type", "filter[secretType] must be password"));
        }
        Item account = items.get(ItemType.ACCOUNT, PathId.ITEM.parse(id), caller.userId());
        return SecretResponses.status(
                        200,
                        new ItemJson.AccountSecretList(List.of(new ItemJson.AccountSecret(
                                PASSWORD,
                                "account_secret",
                                new ItemJson.AccountSecretAttributes(PASSWORD, items.value(account))))))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_ACCOUNT)
    @Transactional
    @Operation(
            operationId = "createAccount",
            summary = "Create an account",
            description = "Writes the password into the vault (which needs vault_writer on its integration, unless "
                    + "Owner or Super Admin) and catalogs the account. The response does not repeat the password.")
    @APIResponse(
            responseCode = "201",
            description = "The new account, without its password.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountDocument")))
    public Response create(CreateRequest request) {
        Item created = items.createAccount(
                caller.person(),
                request.vaultId(),
                request.application(),
                request.label(),
                request.url(),
                request.username(),
                request.password(),
                request.sharedWithTeamIds() == null ? List.of() : request.sharedWithTeamIds());
        return Response.status(201)
                .entity(new ItemJson.AccountDocument(ItemJson.account(created)))
                .build();
    }

    @Schema(name = "CreateAccountRequest", description = "A new account.")
    public record CreateRequest(
            @Schema(
                    required = true,
                    format = "uuid",
                    description = "Where to keep the password.",
                    examples = "2d4f6a8c-1e3b-4d5f-8a7c-9e0b1d2f3a4c")
            String vaultId,

            @Schema(
                    required = true,
                    maxLength = 200,
                    examples = "GitHub",
                    description = "The application the credentials are for; trimmed.")
            String application,

            @Schema(
                    maxLength = 200,
                    examples = "ci bot",
                    description =
                            "Tells apart accounts of one application; shown in parentheses after it in the title.")
            String label,

            @Schema(
                    format = "uri",
                    maxLength = 200,
                    examples = "https://github.com/login",
                    description = "Where to sign in: an http or https address.")
            String url,

            @Schema(required = true, maxLength = 200, examples = "ci-bot", description = "The name to sign in with.")
            String username,

            @Schema(
                    required = true,
                    maxLength = 10000,
                    format = "password",
                    examples = "correct horse battery staple",
                    description =
                            "Written only to the vault: not to Latchkey's catalog, and not returned by this call.")
            String password,

            @Schema(
                    description = "Teams whose members may see the account too.",
                    examples = "[\"3f0c5b0e-1d2a-4c3b-8e4f-5a6b7c8d9e0f\"]")
            List<String> sharedWithTeamIds) {
        @Override
        public String toString() {
            return "CreateAccountRequest[application=" + application + ", password=***]";
        }
    }
}
