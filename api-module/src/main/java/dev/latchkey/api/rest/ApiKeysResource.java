package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyQuery;
import dev.latchkey.domain.apikey.ApiKeyService;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.people.UserService;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The workspace's keys table, for administrators with bearer tokens. API keys get 403 here: keys cannot manage keys.
 */
@Path("v1/api-keys")
@RequestScoped
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {
    @Inject
    ApiKeyService keys;

    @Inject
    UserService users;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_API_KEYS)
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Pages through the workspace's acknowledged keys. Keys of unfinished wizards are not listed.")
    public ListDocument list(
            @Parameter(
                            description = "Only keys with this status.",
                            example = "active",
                            schema = @Schema(enumeration = {"active", "expired", "removed"}))
                    @QueryParam("filter[status]")
                    String status,
            @Parameter(description = "Order: name, -name, createdAt or -createdAt (the default).", example = "name")
                    @QueryParam("sort")
                    String sort,
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
        Optional<ApiKeyStatus> parsedStatus = Optional.ofNullable(status)
                .flatMap(s -> violations.collect(() -> ApiKeyStatus.parseListed(s, "filter[status]")));
        Optional<ApiKeyQuery.Sort> parsedSort =
                violations.collect(() -> sort == null ? ApiKeyQuery.Sort.NEWEST_FIRST : ApiKeyQuery.Sort.parse(sort));
        var request = violations.collect(() -> Paging.request(number, size));
        violations.throwIfAny();
        Page<ApiKey> page = keys.list(
                caller.person(), new ApiKeyQuery(parsedStatus, parsedSort.orElseThrow()), request.orElseThrow());
        Map<UserId, User> owners = new HashMap<>();
        Instant now = clock.instant();
        return new ListDocument(
                page.items().stream()
                        .map(key -> toJson(key, owners.computeIfAbsent(key.ownerId(), users::get), now))
                        .toList(),
                Paging.links(uri, page, "filter[status]", "sort"),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_API_KEY)
    @Operation(operationId = "getApiKey", summary = "Get an API key")
    public Document get(
            @Parameter(description = "The key's public id.", example = "7Hq2VbX9kLm3") @PathParam("id") String id) {
        return document(keys.get(caller.person(), PathId.API_KEY.parse(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.UPDATE_API_KEY)
    @Transactional
    @Operation(
            operationId = "updateApiKey",
            summary = "Change an API key's scopes",
            description = "Only the key's creator may change its scopes; the "
                    + "change applies from the key's next request.")
    @APIResponse(responseCode = "409", description = "The key is expired or removed, so its scopes are final.")
    public Document update(
            @Parameter(description = "The key's public id.", example = "7Hq2VbX9kLm3") @PathParam("id") String id,
            UpdateRequest body) {
        return document(keys.changeScopes(caller.person(), PathId.API_KEY.parse(id), body.toScopes()));
    }

    @DELETE
    @Path("{id}")
    @Guarded(Permission.REMOVE_API_KEY)
    @Transactional
    @Operation(
            operationId = "removeApiKey",
            summary = "Remove an API key",
            description = "Marks the key removed; it fails on its next use. Its creator, the Owner and Super Admins "
                    + "may remove a key. Removing a removed key changes nothing.")
    public Document remove(
            @Parameter(description = "The key's public id.", example = "7Hq2VbX9kLm3") @PathParam("id") String id) {
        return document(keys.remove(caller.person(), PathId.API_KEY.parse(id)));
    }

    private Document document(ApiKey key) {
        return new Document(toJson(key, users.get(key.ownerId()), clock.instant()));
    }

    private static Data toJson(ApiKey key, User owner, Instant now) {
        return new Data(
                key.id().value(),
                "api_key",
                new Attributes(
                        key.name().value(),
                        key.id().masked(),
                        key.status(now).wireName(),
                        key.scopes().wireNames(),
                        key.createdAt(),
                        UserJson.Summary.of(owner),
                        key.expiresAt(),
                        key.lastUsedAt().orElse(null)));
    }

    @Schema(name = "ApiKeyList", description = "A page of API keys.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "ApiKeyDocument", description = "One API key.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "ApiKey", description = "An API key; its id is the key's public part.")
    public record Data(
            @Schema(required = true, pattern = "^[0-9A-Za-z]{12}$", examples = "7Hq2VbX9kLm3")
            String id,

            @Schema(required = true, enumeration = "api_key", examples = "api_key")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(
            name = "ApiKeyAttributes",
            description = "Everything about a key except its secret, which the server does not have.")
    public record Attributes(
            @Schema(
                    required = true,
                    examples = "CI pipeline",
                    description = "Unique among the workspace's keys (any case).")
            String name,

            @Schema(
                    required = true,
                    examples = "lk_7Hq2VbX9kLm3_…",
                    description = "The key with its secret part hidden; safe to show.")
            String maskedKey,

            @Schema(
                    required = true,
                    enumeration = {"active", "expired", "removed"},
                    examples = "active",
                    description = "active until it expires or is removed.")
            String status,

            @Schema(required = true, examples = "[\"read:users\"]", description = "What the key may do.")
            List<String> scopes,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the key was generated.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt,

            @Schema(required = true, description = "Who generated the key; the key acts as this person.")
            UserJson.Summary createdBy,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the key stops working.",
                    examples = "2026-12-02T10:15:30Z")
            Instant expiresAt,

            @Schema(
                    format = "date-time",
                    description = "Updated at most once a minute.",
                    examples = "2026-11-28T08:00:00Z")
            Instant lastUsedAt) {}

    @Schema(name = "UpdateApiKeyRequest", description = "The key's new scopes.")
    public record UpdateRequest(
            @Schema(
                    required = true,
                    minItems = 1,
                    examples = "[\"read:users\"]",
                    description = "The scopes the key carries from its next request on; at least one, each once.")
            List<String> scopes) {
        /** Every unknown or repeated scope is reported, each under {@code /scopes/index}. */
        ScopeSet toScopes() {
            return ScopeSet.parseChoice(scopes, "scopes");
        }
    }
}
