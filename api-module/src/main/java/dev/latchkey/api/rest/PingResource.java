package dev.latchkey.api.rest;

import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Answers without authentication so that clients and probes can tell the API is reachable. */
@Path("v1/ping")
@Tag(name = "Status")
public final class PingResource {

    private static final Ping OK = new Ping(new PingData("ping", "ping", new PingAttributes("ok")));

    @GET
    @Guarded(Permission.PING)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "ping",
            summary = "Check that the API answers",
            description =
                    "Needs no API key. Answers 200 whenever the API is serving requests; use /health/ready to check its dependencies.")
    @APIResponse(responseCode = "200", description = "The API is reachable.")
    public Ping ping() {
        return OK;
    }

    /** The ping document, in the API's {@code {"data": ...}} envelope. */
    @Schema(name = "Ping", description = "The answer to a ping.")
    public record Ping(
            @Schema(required = true, description = "The ping resource.")
            PingData data) {}

    /** The ping resource object. */
    @Schema(name = "PingData", description = "A resource object that only says the API is up.")
    @JsonbPropertyOrder({"id", "type", "attributes"}) // JSON-B would sort them alphabetically
    public record PingData(
            @Schema(required = true, description = "Always ping.", examples = "ping")
            String id,

            @Schema(required = true, description = "Always ping.", examples = "ping")
            String type,

            @Schema(required = true, description = "What the server says.")
            PingAttributes attributes) {}

    /** What the ping reports. */
    @Schema(name = "PingAttributes", description = "The state of the API.")
    public record PingAttributes(
            @Schema(required = true, description = "Always ok when the API answers.", examples = "ok")
            String status) {}
}
