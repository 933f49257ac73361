package dev.latchkey.api.rest;

import dev.latchkey.api.security.AccessRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Words the authentication filter's refusals (401, 403, 400, 429) in the API's one error shape. */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessRefused> {
    @Override
    public Response toResponse(AccessRefused refused) {
        return refused.retryAfter()
                .map(wait -> Problems.throttled(refused.code(), refused.detail(), wait))
                .orElseGet(() -> Problems.response(refused.status(), refused.code(), refused.detail()));
    }
}
