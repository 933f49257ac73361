package dev.latchkey.api.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Responses that carry a secret (a new key, a new bearer token, a vault value): nothing may cache them. */
final class SecretResponses {
    private static final CacheControl NO_STORE = noStore();

    private SecretResponses() {}

    static Response.ResponseBuilder status(int status, Object entity) {
        return Response.status(status).entity(entity).cacheControl(NO_STORE).header("Pragma", "no-cache");
    }

    private static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setNoTransform(false);
        return control;
    }
}
