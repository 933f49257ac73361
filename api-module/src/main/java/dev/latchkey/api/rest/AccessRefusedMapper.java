package dev.latchkey.api.rest;

import dev.latchkey.api.security.AccessRefused;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Words the authentication filter's refusals (401, 403, 400, 429) in the API's one error shape. */
@Provider
public class AccessRefusedMapper implements ExceptionMapper<AccessRefused> {
    @Override
    public Response toResponse(AccessRefused refused) {
        Response problem = Problems.response(refused.status(), refused.code(), refused.detail());
        return refused.retryAfter()
                .map(wait -> Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, Math.max(1, wait.toSeconds()))
                        .build())
                .orElse(problem);
    }
}
