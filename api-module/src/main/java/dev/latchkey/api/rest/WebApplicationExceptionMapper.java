package dev.latchkey.api.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the framework's own refusals (unknown path, wrong method, unreadable body) the API's error shape. The body is
 * never echoed: it may hold a password or a key.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(document(status))
                .build();
    }

    /**
     * The error document for a refusal that says no more than its status. {@link ContainerRefusalFilter} sends the
     * same words when the framework refuses without an exception this mapper sees.
     */
    static ErrorDocument document(int status) {
        return switch (status) {
            case 400 ->
                Problems.document(
                        400,
                        "malformed_request",
                        "the request could not be read; send a JSON body that matches this operation's schema");
            case 404 -> Problems.document(404, "not_found", "there is nothing at this path");
            case 405 -> Problems.document(405, "method_not_allowed", "this path does not accept that HTTP method");
            case 406 -> Problems.document(406, "not_acceptable", "this API answers in application/json");
            case 415 -> Problems.document(415, "unsupported_media_type", "send the body as application/json");
            default -> Problems.document(status, "request_failed", "the request failed");
        };
    }
}
