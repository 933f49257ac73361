package dev.latchkey.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.rest.LatchkeyApplication;
import dev.latchkey.api.testing.TestingClockResource;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.workspace.Role;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link Permission}, the resources and {@code docs/authorization.md} together: every row guards exactly one
 * resource method (that every method names a row is ArchitectureTest's rule), and the document is what the table
 * renders to. Run with
 * {@code -Dlatchkey.docs.write=true} to rewrite the document after changing the table.
 */
class AuthorizationTableTest {
    private static final java.nio.file.Path DOC = java.nio.file.Path.of("..", "docs", "authorization.md");
    private static final Map<Role, String> ROLE_NAMES = Map.of(
            Role.WORKSPACE_OWNER,
            "Owner",
            Role.WORKSPACE_SUPER_ADMIN,
            "Super Admin",
            Role.WORKSPACE_ADMIN,
            "Admin",
            Role.WORKSPACE_USER,
            "User");

    /** One resource method: how it is reached and which row guards it. */
    record Endpoint(String httpMethod, String path, String operationId, Optional<Permission> guard) {}

    @Test
    void everyRowGuardsExactlyOneMethod() {
        Map<Permission, Long> uses = endpoints().stream()
                .flatMap(endpoint -> endpoint.guard().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(uses)
                .as("rows used by no method or by several")
                .containsOnlyKeys(Permission.values())
                .allSatisfy((operation, count) ->
                        assertThat(count).as(operation.name()).isEqualTo(1L));
    }

    @Test
    void everyOperationIdIsUnique() {
        List<String> ids = endpoints().stream().map(Endpoint::operationId).toList();

        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void documentMatchesTheTable() throws IOException {
        String rendered = render(endpoints());
        if (Boolean.getBoolean("latchkey.docs.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/authorization.md is stale: rerun this test with -Dlatchkey.docs.write=true")
                .isEqualTo(rendered);
    }

    static String render(List<Endpoint> endpoints) {
        StringBuilder doc = new StringBuilder("""
                # Who may call what

                <!-- Generated from dev.latchkey.api.security.Permission by AuthorizationTableTest; do not edit. -->

                Every operation of `/api` is one row of `Permission`, the single authorization table in the code. A
                person signs in (`POST /api/v1/auth/tokens`) and sends `Authorization: Bearer <token>`; the person's
                role must be listed. A client sends `X-API-Key: <key>`; the key must carry the scope shown
                (`read:items` also satisfies `read:items:accounts` and `read:items:secrets`), and its creator must
                still be an enabled administrator. "any valid key" accepts every working key; "—" refuses keys.

                Refusals: no credential, or a malformed, unknown, wrong, expired, removed or unacknowledged key, or an
                unknown or ended session → 401 `unauthenticated` (always the same body); a known caller without the
                role → 403 `role_required`; a key without the scope → 403 `scope_required`; a key on an operation
                that refuses keys → 403 `bearer_token_required`; both headers at once → 400 `ambiguous_credentials`;
                ten failures with one key id from one client address, or thirty from one address → 429
                `too_many_attempts`; no free argon2 turn within 2 s → 503 `server_busy`. Resources may refuse
                further (for example, only a wizard's starter sees it), answering 404 for things the caller may not
                see.

                `GET /api/v1/whoami` answers with `permissions`: the name in the Permission column of every row the
                caller passes, plus `remove_others_api_keys` for a person whose role may remove keys that someone
                else created (%s). The web app shows or hides actions by that list alone.

                | Operation | Permission | Method | Path | Bearer token: roles | API key: scope |
                | --- | --- | --- | --- | --- | --- |
                """.formatted(Arrays.stream(Role.values())
                .filter(Role::mayRemoveOthersKeys)
                .map(ROLE_NAMES::get)
                .collect(Collectors.joining(", "))));
        endpoints.stream()
                .sorted(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod))
                .forEach(endpoint -> {
                    Permission.Rule rule = endpoint.guard().orElseThrow().rule();
                    doc.append("| `")
                            .append(endpoint.operationId())
                            .append("` | `")
                            .append(endpoint.guard().orElseThrow().wireName())
                            .append("` | ")
                            .append(endpoint.httpMethod())
                            .append(" | `")
                            .append(endpoint.path())
                            .append("` | ")
                            .append(roles(rule))
                            .append(" | ")
                            .append(scope(rule))
                            .append(" |\n");
                });
        return doc.toString();
    }

    private static String roles(Permission.Rule rule) {
        if (rule.open()) {
            return "anyone, no credential needed";
        }
        return Arrays.stream(Role.values())
                .filter(rule.roles()::contains)
                .map(ROLE_NAMES::get)
                .collect(Collectors.joining(", "));
    }

    private static String scope(Permission.Rule rule) {
        if (rule.open()) {
            return "no credential needed";
        }
        if (rule.anyKey()) {
            return "any valid key";
        }
        if (rule.keyScopes().isEmpty()) {
            return "—";
        }
        return rule.keyScopes().stream()
                .map(Scope::wireName)
                .sorted()
                .map(name -> "`" + name + "`")
                .collect(Collectors.joining(" or "));
    }

    /** Every resource method of the application, found by scanning the compiled rest and testing packages. */
    static List<Endpoint> endpoints() {
        return resourceClasses().stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .flatMap(method -> httpMethod(method).map(verb -> endpoint(type, method, verb)).stream()))
                .toList();
    }

    private static Endpoint endpoint(Class<?> type, Method method, String verb) {
        String path = "/api/" + type.getAnnotation(Path.class).value()
                + Optional.ofNullable(method.getAnnotation(Path.class))
                        .map(p -> "/" + p.value())
                        .orElse("");
        String operationId = Optional.ofNullable(
                        method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class))
                .map(org.eclipse.microprofile.openapi.annotations.Operation::operationId)
                .orElse("");
        return new Endpoint(
                verb,
                path,
                operationId,
                Optional.ofNullable(method.getAnnotation(Guarded.class)).map(Guarded::value));
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    /** The resources of the rest package and the test-only ones of the testing package. */
    private static List<Class<?>> resourceClasses() {
        return Stream.of(LatchkeyApplication.class, TestingClockResource.class)
                .flatMap(type -> resourceClasses(type.getPackageName()).stream())
                .toList();
    }

    private static List<Class<?>> resourceClasses(String packageName) {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(LatchkeyApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<java.nio.file.Path> files = Files.list(root.resolve(packageName.replace('.', '/')))) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.contains("$"))
                        .<Class<?>>map(
                                name -> load(packageName + "." + name.substring(0, name.length() - ".class".length())))
                        .filter(type -> type.isAnnotationPresent(Path.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AuthorizationTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
