package dev.latchkey.api.rest;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.scope.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The nine scopes with their meanings, so clients need not hard-code them. */
@Path("v1/scopes")
@RequestScoped
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ScopesResource {
    private static final ListDocument ALL = new ListDocument(Arrays.stream(Scope.values())
            .map(scope -> new Data(scope.wireName(), "scope", new Attributes(scope.title(), scope.description())))
            .toList());

    @GET
    @Guarded(Permission.LIST_SCOPES)
    @Operation(
            operationId = "listScopes",
            summary = "List scopes",
            description = "The scopes an API key can be given, each with a one-line description.")
    public ListDocument list() {
        return ALL;
    }

    @Schema(name = "ScopeList", description = "Every scope.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data) {}

    @Schema(name = "Scope", description = "A scope; its id is the name a key carries.")
    public record Data(
            @Schema(required = true, examples = "read:items")
            String id,

            @Schema(required = true, enumeration = "scope", examples = "scope")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "ScopeAttributes", description = "What a scope allows.")
    public record Attributes(
            @Schema(required = true, examples = "Read items", description = "A short name for people.")
            String title,

            @Schema(
                    required = true,
                    examples = "Enables reading account, secret, and collection data",
                    description = "What the scope allows, in one line.")
            String description) {}
}
