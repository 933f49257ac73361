package dev.latchkey.api.rest;

import jakarta.ws.rs.WebApplicationException;
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
        return switch (status) {
            case 400 -> Problems.response(400, "malformed_request",
                    "the request could not be read; send a JSON body that matches this operation's schema");
            case 404 -> Problems.response(404, "not_found", "there is nothing at this path");
            case 405 -> Problems.response(405, "method_not_allowed", "this path does not accept that HTTP method");
            case 406 -> Problems.response(406, "not_acceptable", "this API answers in application/json");
            case 415 -> Problems.response(415, "unsupported_media_type", "send the body as application/json");
            default -> Problems.response(status, "request_failed", "the request failed");
        };
    }
}
