package dev.latchkey.api.openapi;

import dev.latchkey.api.security.AuthenticationFilter;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission.Rule;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.workspace.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Writes into each operation who may call it and what it can answer, read from the operation's {@link Guarded} row
 * of {@link dev.latchkey.api.security.Permission}: the same row {@link AuthenticationFilter} enforces, so the
 * document cannot promise access the server refuses.
 */
final class AccessDocumentation {
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String REQUIRED_SCOPES = "x-required-scopes";

    /** The shared error responses, by status; each refers to the ErrorDocument schema. */
    private static final Map<String, String> ERRORS = errors();

    private final ApiClasses classes;

    AccessDocumentation(ApiClasses classes) {
        this.classes = classes;
    }

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "The request is invalid; every invalid field or parameter is listed, each with its source.");
        errors.put("401", "No credential, or one that is unknown, expired, removed or malformed.");
        errors.put("403", "The credential is valid but may not call this operation (role, scope or key refused).");
        errors.put("404", "Nothing exists at this path for this caller.");
        errors.put("413", "The request body is larger than 64 KiB.");
        errors.put("429", "Too many failed attempts with this API key; wait for the Retry-After seconds.");
        return errors;
    }

    static String responseName(String status) {
        return switch (status) {
            case "400" -> "BadRequest";
            case "401" -> "Unauthenticated";
            case "403" -> "Forbidden";
            case "404" -> "NotFound";
            case "413" -> "PayloadTooLarge";
            case "429" -> "TooManyRequests";
            default -> throw new IllegalArgumentException("no shared response for " + status);
        };
    }

    void declareComponents(Components components) {
        components.addSecurityScheme(
                API_KEY,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(AuthenticationFilter.API_KEY_HEADER)
                        .description(
                                "An API key made by the Generate API key wizard, e.g. lk_7Hq2VbX9kLm3_… . An operation "
                                        + "that accepts keys lists in x-required-scopes the scopes that let a key in (any one "
                                        + "suffices)."));
        components.addSecurityScheme(
                BEARER,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A person's token from POST /api/v1/auth/tokens (signIn), valid for one hour."));
        ERRORS.forEach((status, description) -> components.addResponse(
                responseName(status),
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("ErrorDocument"))))));
    }

    /** Adds security, x-required-scopes, the who-may-call sentence and the error responses to one operation. */
    void document(Operation operation, boolean hasPathParameters) {
        if (operation.getOperationId() == null) {
            return;
        }
        classes.method(operation.getOperationId())
                .map(method -> method.getAnnotation(Guarded.class))
                .ifPresent(guarded -> document(operation, guarded.value().rule(), hasPathParameters));
    }

    private static void document(Operation operation, Rule rule, boolean hasPathParameters) {
        List<SecurityRequirement> security = new ArrayList<>();
        if (!rule.open()) {
            security.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
            if (rule.acceptsKeys()) {
                security.add(OASFactory.createSecurityRequirement().addScheme(API_KEY));
                // Any one of these lets a key through, exactly as AuthenticationFilter checks it.
                operation.addExtension(REQUIRED_SCOPES, scopeNames(rule));
            }
        }
        if (security.isEmpty()) {
            // An empty requirement object is OpenAPI's way to say "no credential needed".
            security.add(OASFactory.createSecurityRequirement());
        }
        operation.setSecurity(security);
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + whoMayCall(rule));
        addErrors(operation, rule, hasPathParameters);
    }

    static String whoMayCall(Rule rule) {
        if (rule.open()) {
            return "**Who may call:** anyone; no credential is needed.";
        }
        List<String> roles = Arrays.stream(Role.values())
                .filter(rule.roles()::contains)
                .map(Role::wireName)
                .toList();
        String people = roles.size() == Role.values().length
                ? "any signed-in person (bearer token)"
                : "a bearer token of a " + or(roles);
        List<String> scopes =
                scopeNames(rule).stream().map(scope -> "`" + scope + "`").toList();
        String keys = !scopes.isEmpty()
                ? "an API key with the scope " + or(scopes)
                : rule.acceptsKeys() ? "any valid API key" : "";
        return "**Who may call:** " + people
                + (keys.isEmpty() ? "; API keys are refused (403)." : "; or " + keys + ".");
    }

    private static List<String> scopeNames(Rule rule) {
        return rule.keyScopes().stream().map(Scope::wireName).sorted().toList();
    }

    private static String or(List<String> words) {
        return words.size() == 1
                ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static void addErrors(Operation operation, Rule rule, boolean hasPathParameters) {
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        boolean refusesSomeone = !rule.open() && !(rule.roles().size() == Role.values().length && rule.anyKey());
        // Any request with credentials can be malformed (both headers at once), so 400 comes with authentication.
        addIf(responses, "400", takesInput || !rule.open());
        addIf(responses, "401", !rule.open());
        addIf(responses, "403", refusesSomeone);
        addIf(responses, "404", hasPathParameters);
        addIf(responses, "413", operation.getRequestBody() != null);
        addIf(responses, "429", !rule.open());
        // Errors a resource declared itself (409 on wizard moves, 503 from a vault) get the shared error body too.
        responses.getAPIResponses().forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            boolean hasContent = response.getContent() != null
                    && response.getContent().getMediaTypes() != null
                    && !response.getContent().getMediaTypes().isEmpty();
            if (error && response.getRef() == null && !hasContent) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("ErrorDocument"))));
            }
        });
    }

    private static void addIf(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            APIResponse shared = OASFactory.createAPIResponse().ref(responseName(status));
            responses.addAPIResponse(status, shared);
        }
    }
}
