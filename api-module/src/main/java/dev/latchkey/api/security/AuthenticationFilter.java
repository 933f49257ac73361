package dev.latchkey.api.security;

import dev.latchkey.domain.session.BearerToken;
import dev.latchkey.domain.session.SessionService;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Establishes who is calling (X-API-Key or a bearer token) and enforces the caller's row of {@link Permission}
 * before any resource code runs. Every refusal uses one wording per status, so a 401 never says why a credential
 * failed; refusals are thrown as {@link AccessRefused}, which the rest package words in the API's error shape.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String UNAUTHENTICATED =
            "send a valid API key in X-API-Key or a bearer token in Authorization";
    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ApiKeyAuthentication apiKeys;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    SessionService sessions;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        Guarded guarded = resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(Guarded.class);
        if (guarded == null) {
            // OPTIONS is answered by JAX-RS itself (200 with Allow, RFC 9110 section 9.3.7): it runs no resource
            // method and reveals only which methods a path accepts, so it needs no credential.
            if (resource.getResourceMethod() != null && !HttpMethod.OPTIONS.equals(request.getMethod())) {
                LOG.log(Level.SEVERE, "{0} has no @Guarded operation; refusing it", resource.getResourceMethod());
                throw new AccessRefused(403, "operation_not_guarded", "this operation is not available");
            }
            return;
        }
        Permission.Rule rule = guarded.value().rule();
        if (rule.open()) {
            return;
        }
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (apiKey != null && authorization != null) {
            throw new AccessRefused(400, "ambiguous_credentials", "send either X-API-Key or Authorization, not both");
        }
        if (apiKey != null) {
            authenticateKey(apiKey, guarded.value());
        } else if (authorization != null) {
            authenticatePerson(authorization, rule);
        } else {
            throw unauthenticated();
        }
    }

    private void authenticateKey(String header, Permission operation) {
        switch (apiKeys.authenticate(header, clientAddresses.of(servletRequest))) {
            case ApiKeyAuthentication.Outcome.Rejected rejected -> throw unauthenticated();
            case ApiKeyAuthentication.Outcome.Throttled throttled ->
                throw new AccessRefused(
                        429,
                        "too_many_attempts",
                        "too many failed attempts with this key; wait before trying again",
                        Optional.of(throttled.retryAfter()));
            case ApiKeyAuthentication.Outcome.Accepted accepted -> {
                Caller.Key caller = new Caller.Key(accepted.key());
                Permission.Rule rule = operation.rule();
                if (!rule.acceptsKeys()) {
                    throw new AccessRefused(
                            403,
                            "bearer_token_required",
                            "API keys cannot call this operation; sign in and use a bearer token");
                } else if (!rule.admits(caller.scopes())) {
                    throw new AccessRefused(
                            403, "scope_required", "this API key lacks the scope " + rule.keyScopeNames());
                } else {
                    current.set(caller);
                }
            }
        }
    }

    private void authenticatePerson(String authorization, Permission.Rule rule) {
        Optional<BearerToken> token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? BearerToken.parse(authorization.substring(BEARER.length()).strip())
                : Optional.empty();
        Optional<User> user = token.flatMap(sessions::authenticate);
        if (user.isEmpty()) {
            throw unauthenticated();
        }
        if (!rule.admits(user.get().role())) {
            throw new AccessRefused(
                    403, "role_required", "this operation needs the role " + Role.describe(rule.roles()));
        }
        current.set(new Caller.Person(user.get(), token.orElseThrow()));
    }

    private static AccessRefused unauthenticated() {
        return new AccessRefused(401, "unauthenticated", UNAUTHENTICATED);
    }
}
