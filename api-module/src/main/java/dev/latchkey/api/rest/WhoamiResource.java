package dev.latchkey.api.rest;

import dev.latchkey.api.security.Caller;
import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tells a caller who the server thinks they are; the cheapest authenticated call, and the benchmark's subject. */
@Path("v1/whoami")
@RequestScoped
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class WhoamiResource {
    @Inject
    CurrentCaller caller;

    @GET
    @Guarded(Permission.WHOAMI)
    @Operation(
            operationId = "whoami",
            summary = "Who am I",
            description = "Names the person behind the credential and, for an API key, the key id and its effective "
                    + "scopes (the key's scopes while its owner remains an enabled administrator). `permissions` "
                    + "lists what the caller may do, so that clients show only the actions the server would allow.")
    public Document whoami() {
        Caller current = caller.require();
        List<String> permissions = Permission.grantedTo(current);
        return new Document(
                switch (current) {
                    case Caller.Key key ->
                        new Data(
                                key.key().ownerId().value(),
                                "whoami",
                                new Attributes(
                                        key.key().ownerId().value(),
                                        key.key().ownerEmail(),
                                        "api_key",
                                        key.key().id().value(),
                                        key.key().id().masked(),
                                        key.scopes().wireNames(),
                                        null,
                                        permissions));
                    case Caller.Person person -> person(person.user(), permissions);
                });
    }

    private static Data person(User user, List<String> permissions) {
        return new Data(
                user.id().value(),
                "whoami",
                new Attributes(
                        user.id().value(),
                        user.email().value(),
                        "bearer_token",
                        null,
                        null,
                        ScopeSet.NONE.wireNames(),
                        user.role().wireName(),
                        permissions));
    }

    @Schema(name = "WhoamiDocument", description = "The caller.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Whoami", description = "The caller as a resource; its id is the person's id.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String id,

            @Schema(required = true, enumeration = "whoami", examples = "whoami")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "WhoamiAttributes", description = "Who is calling and with what.")
    public record Attributes(
            @Schema(
                    required = true,
                    format = "uuid",
                    description = "The person behind the credential.",
                    examples = "9b2f6c1e-4a8d-4c5e-9f3a-2d7b8e1c0a11")
            String userId,

            @Schema(
                    required = true,
                    format = "email",
                    examples = "ada@example.com",
                    description = "The person's email.")
            String email,

            @Schema(
                    required = true,
                    enumeration = {"api_key", "bearer_token"},
                    examples = "api_key",
                    description = "Which credential this request carried.")
            String authenticatedWith,

            @Schema(description = "The API key's public id, when called with a key.", examples = "7Hq2VbX9kLm3")
            String apiKeyId,

            @Schema(description = "The API key in masked form, when called with a key.", examples = "lk_7Hq2VbX9kLm3_…")
            String maskedKey,

            @Schema(
                    required = true,
                    description = "The key's effective scopes; empty for a bearer token.",
                    examples = "[\"read:users\"]")
            List<String> scopes,

            @Schema(
                    description = "The person's role, when signed in with a bearer token.",
                    examples = "workspace_admin")
            String role,

            @Schema(
                    required = true,
                    description = "What this caller may do, sorted: the name of every authorization "
                            + "row it passes (the Permission column of docs/authorization.md, such as list_api_keys or "
                            + "start_wizard), and remove_others_api_keys for a person who may remove keys that someone else "
                            + "created. Clients show or hide actions by it instead of copying role rules; the server still "
                            + "checks every call.",
                    examples = "[\"list_api_keys\", \"remove_api_key\", \"start_wizard\", \"whoami\"]")
            List<String> permissions) {}
}
