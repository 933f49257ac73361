package dev.latchkey.api.security;

import dev.latchkey.api.rest.Problems;
import dev.latchkey.domain.session.BearerToken;
import dev.latchkey.domain.session.SessionService;
import dev.latchkey.domain.workspace.User;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Inject;
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
 * failed.
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
        Guarded guarded = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Guarded.class);
        if (guarded == null) {
            if (resource.getResourceMethod() != null) {
                LOG.log(Level.SEVERE, "{0} has no @Guarded operation; refusing it", resource.getResourceMethod());
                request.abortWith(Problems.response(403, "operation_not_guarded", "this operation is not available"));
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
            request.abortWith(Problems.response(400, "ambiguous_credentials",
                    "send either X-API-Key or Authorization, not both"));
            return;
        }
        if (apiKey != null) {
            authenticateKey(request, apiKey, guarded.value());
        } else if (authorization != null) {
            authenticatePerson(request, authorization, rule);
        } else {
            request.abortWith(Problems.response(401, "unauthenticated", UNAUTHENTICATED));
        }
    }

    private void authenticateKey(ContainerRequestContext request, String header, Permission operation) {
        switch (apiKeys.authenticate(header, clientAddresses.of(servletRequest))) {
            case ApiKeyAuthentication.Outcome.Rejected rejected ->
                    request.abortWith(Problems.response(401, "unauthenticated", UNAUTHENTICATED));
            case ApiKeyAuthentication.Outcome.Throttled throttled -> request.abortWith(jakarta.ws.rs.core.Response
                    .fromResponse(Problems.response(429, "too_many_attempts",
                            "too many failed attempts with this key; wait before trying again"))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, throttled.retryAfter().toSeconds()))
                    .build());
            case ApiKeyAuthentication.Outcome.Accepted accepted -> {
                Caller.Key caller = new Caller.Key(accepted.key());
                Permission.Rule rule = operation.rule();
                if (!rule.acceptsKeys()) {
                    request.abortWith(Problems.response(403, "bearer_token_required",
                            "API keys cannot call this operation; sign in and use a bearer token"));
                } else if (!rule.keyScopes().isEmpty() && rule.keyScopes().stream().noneMatch(caller.scopes()::allows)) {
                    request.abortWith(Problems.response(403, "scope_required",
                            "this API key lacks the scope " + rule.keyScopeNames()));
                } else {
                    current.set(caller);
                }
            }
        }
    }

    private void authenticatePerson(ContainerRequestContext request, String authorization, Permission.Rule rule) {
        Optional<BearerToken> token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? BearerToken.parse(authorization.substring(BEARER.length()).strip())
                : Optional.empty();
        Optional<User> user = token.flatMap(sessions::authenticate);
        if (user.isEmpty()) {
            request.abortWith(Problems.response(401, "unauthenticated", UNAUTHENTICATED));
            return;
        }
        if (!rule.roles().contains(user.get().role())) {
            request.abortWith(Problems.response(403, "role_required", "this operation needs the role "
                    + String.join(" or ", rule.roles().stream().map(r -> r.wireName()).sorted().toList())));
            return;
        }
        current.set(new Caller.Person(user.get(), token.orElseThrow()));
    }
}
