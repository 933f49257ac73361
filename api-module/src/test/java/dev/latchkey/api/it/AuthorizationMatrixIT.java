package dev.latchkey.api.it;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls every operation the server documents at {@code /openapi} as every kind of caller, one request per cell, and
 * checks the exact status of each. The rows below state who may call what independently of the server's own
 * {@code Permission} table, so a wrong row there fails here; an operation served without a row here fails too.
 *
 * <p>Path parameters are random ids and bodies are empty or minimal, so a caller who gets past authorization meets
 * the operation's own answer (usually 404 or 400) and nothing is changed: {@code allowed} is that answer.
 */
@ExtendWith(LatchkeyServerExtension.class)
class AuthorizationMatrixIT {
    private static final List<String> SCOPES = List.of(
            "read:activities",
            "read:items",
            "read:items:accounts",
            "read:items:secrets",
            "read:users",
            "read:integrations",
            "write:integrations",
            "read:automations",
            "write:automations");
    private static final List<String> ROLES =
            List.of("workspace_owner", "workspace_super_admin", "workspace_admin", "workspace_user");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> ADMINISTRATORS =
            Set.of("workspace_owner", "workspace_super_admin", "workspace_admin");
    private static final Set<String> OWNER = Set.of("workspace_owner");
    /** The server refuses a key id for a minute after ten failed verifications; each pooled key stays below that. */
    private static final int REFUSALS_PER_KEY = 9;

    private static final Object EMPTY = Map.of();

    /** What an operation accepts, as this test states it. */
    record Rule(boolean open, Set<String> roles, boolean anyKey, Set<String> anyOfScopes) {
        static final Rule OPEN = new Rule(true, Set.of(), false, Set.of());

        static Rule people(Set<String> roles) {
            return new Rule(false, roles, false, Set.of());
        }

        static Rule peopleOrAnyKey(Set<String> roles) {
            return new Rule(false, roles, true, Set.of());
        }

        static Rule peopleOrKey(Set<String> roles, String... anyOfScopes) {
            return new Rule(false, roles, false, Set.of(anyOfScopes));
        }
    }

    /** One operation: who may call it, what to send, and the status a caller who may call it gets. */
    record Row(Rule rule, Object body, int allowed) {}

    private static final Map<String, Row> ROWS = Map.ofEntries(
            entry("ping", new Row(Rule.OPEN, null, 200)),
            entry("signIn", new Row(Rule.OPEN, EMPTY, 401)),
            entry("signOut", new Row(Rule.people(EVERYONE), null, 204)),
            entry("whoami", new Row(Rule.peopleOrAnyKey(EVERYONE), null, 200)),
            entry("listScopes", new Row(Rule.peopleOrAnyKey(EVERYONE), null, 200)),
            entry("listActivities", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:activities"), null, 200)),
            entry("listUsers", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:users"), null, 200)),
            entry("getUser", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:users"), null, 404)),
            entry("createUser", new Row(Rule.people(ADMINISTRATORS), EMPTY, 400)),
            entry("updateUser", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("listTeams", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:users"), null, 200)),
            entry("getTeam", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:users"), null, 404)),
            entry("createTeam", new Row(Rule.people(ADMINISTRATORS), EMPTY, 400)),
            entry("renameTeam", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("deleteTeam", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("addTeamMember", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("removeTeamMember", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("startApiKeyWizard", new Row(Rule.people(ADMINISTRATORS), null, 201)),
            entry("getApiKeyWizard", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("submitApiKeyWizardDetails", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("goBackInApiKeyWizard", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("submitApiKeyWizardScopes", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("acknowledgeApiKeyWizard", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("cancelApiKeyWizard", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("listApiKeyWizardVaultOptions", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("saveApiKeyWizardKeyInVault", new Row(Rule.people(ADMINISTRATORS), EMPTY, 404)),
            entry("listVaultProviders", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:integrations"), null, 200)),
            entry("listIntegrations", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:integrations"), null, 200)),
            entry("getIntegration", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:integrations"), null, 404)),
            entry("planIntegration", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 400)),
            entry("createIntegration", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 400)),
            entry("updateIntegration", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 404)),
            entry("deleteIntegration", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), null, 404)),
            entry("listSecrets", new Row(Rule.peopleOrKey(EVERYONE, "read:items:secrets"), null, 200)),
            entry("getSecret", new Row(Rule.peopleOrKey(EVERYONE, "read:items:secrets"), null, 404)),
            entry("createSecret", new Row(Rule.people(EVERYONE), EMPTY, 400)),
            entry("listAccounts", new Row(Rule.peopleOrKey(EVERYONE, "read:items:accounts"), null, 200)),
            entry("getAccount", new Row(Rule.peopleOrKey(EVERYONE, "read:items:accounts"), null, 404)),
            entry("listAccountSecrets", new Row(Rule.peopleOrKey(EVERYONE, "read:items:accounts"), null, 404)),
            entry("createAccount", new Row(Rule.people(EVERYONE), EMPTY, 400)),
            entry("listCollections", new Row(Rule.peopleOrKey(EVERYONE, "read:items"), null, 200)),
            entry("getCollection", new Row(Rule.peopleOrKey(EVERYONE, "read:items"), null, 404)),
            entry("createCollection", new Row(Rule.people(EVERYONE), EMPTY, 400)),
            entry("addCollectionItem", new Row(Rule.people(EVERYONE), EMPTY, 404)),
            entry("removeCollectionItem", new Row(Rule.people(EVERYONE), null, 404)),
            entry("listEntitlements", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:integrations"), null, 404)),
            entry("grantEntitlement", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 404)),
            entry("revokeEntitlement", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), null, 404)),
            entry(
                    "listVaults",
                    new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:items", "read:integrations"), null, 200)),
            entry("createVault", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 400)),
            entry("updateVault", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:integrations"), EMPTY, 404)),
            entry("getVaultSecretMetadata", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:items:secrets"), null, 404)),
            entry("listApiKeys", new Row(Rule.people(ADMINISTRATORS), null, 200)),
            entry("getApiKey", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("updateApiKey", new Row(Rule.people(ADMINISTRATORS), Map.of("scopes", List.of("read:users")), 404)),
            entry("removeApiKey", new Row(Rule.people(ADMINISTRATORS), null, 404)),
            entry("listJobs", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:automations"), null, 200)),
            entry("getJob", new Row(Rule.peopleOrKey(ADMINISTRATORS, "read:automations"), null, 404)),
            entry("startJob", new Row(Rule.peopleOrKey(ADMINISTRATORS, "write:automations"), EMPTY, 400)),
            entry("advanceTestClock", new Row(Rule.people(OWNER), EMPTY, 400)),
            entry("switchTestJobGate", new Row(Rule.people(OWNER), EMPTY, 400)));

    /** Where an operation is served, as the OpenAPI document says. */
    record Endpoint(String operationId, String method, String path) {
        /** The path with every parameter replaced by a fresh random id, which names nothing. */
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    /** One kind of caller: where its credentials come from and what it should get for a row. */
    record Column(String name, Supplier<Credential> credentials, Function<Row, Integer> expected) {}

    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        // Hundreds of refused keys from one address would trip the per-address throttle: this test is about who may
        // call what, so its requests come from as many addresses as it makes.
        api = new Api(server).fromAFreshAddressEachRequest();
    }

    @Test
    void everyOperationAnswersEveryKindOfCallerExactly() {
        Map<String, Endpoint> served = servedOperations();
        assertThat(served.keySet())
                .as("operations served at /openapi (left) vs rows in this test (right)")
                .containsExactlyInAnyOrderElementsOf(ROWS.keySet());
        List<Column> columns = columns(served.size());

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : inRunOrder(served.values())) {
            Row row = ROWS.get(endpoint.operationId());
            for (Column column : columns) {
                int expected = column.expected().apply(row);
                Reply reply = api.call(
                        endpoint.method(),
                        endpoint.concretePath(),
                        column.credentials().get(),
                        row.body());
                if (reply.status() != expected) {
                    wrong.add("%s as %s: expected %d, got %d %s"
                            .formatted(
                                    endpoint.operationId(),
                                    column.name(),
                                    expected,
                                    reply.status(),
                                    reply.errorCode()));
                }
            }
        }
        assertThat(wrong)
                .as("cells with an unexpected status (%d operations x %d callers)", served.size(), columns.size())
                .isEmpty();
    }

    /** Every operation under /api/v1 in the served OpenAPI document, by operationId. */
    private Map<String, Endpoint> servedOperations() {
        Reply document = api.get("/openapi?format=JSON", Credential.NONE);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        Map<String, Endpoint> operations = new LinkedHashMap<>();
        document.json().path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/v1/")) {
                path.getValue().properties().stream()
                        .filter(method ->
                                Set.of("get", "post", "put", "patch", "delete").contains(method.getKey()))
                        .forEach(method -> {
                            String id = method.getValue().path("operationId").asText();
                            assertThat(id)
                                    .as("%s %s has no operationId", method.getKey(), path.getKey())
                                    .isNotEmpty();
                            operations.put(id, new Endpoint(id, method.getKey().toUpperCase(), path.getKey()));
                        });
            }
        });
        return operations;
    }

    /** Signing out ends the session it is sent with, so it runs last. */
    private static List<Endpoint> inRunOrder(java.util.Collection<Endpoint> endpoints) {
        return endpoints.stream()
                .sorted(Comparator.comparing((Endpoint e) -> e.operationId().equals("signOut"))
                        .thenComparing(Endpoint::operationId))
                .toList();
    }

    private List<Column> columns(int operations) {
        int pooled = (operations + REFUSALS_PER_KEY - 1) / REFUSALS_PER_KEY;
        Credential.Bearer owner = api.owner();
        // Expired keys first: the clock then moves past their hour, and every other credential is made afterwards.
        List<Credential> expired = IntStream.range(0, pooled)
                .mapToObj(i -> api.issue(owner, List.of("read:users"), "1h").credential())
                .toList();
        api.advanceClock(3600 + 1);
        Credential.Bearer freshOwner = api.owner();
        List<Credential> removed = IntStream.range(0, pooled)
                .mapToObj(i -> {
                    Api.IssuedKey key = api.issue(freshOwner, SCOPES);
                    assertThat(api.delete("/api/v1/api-keys/" + key.id(), freshOwner)
                                    .status())
                            .isEqualTo(200);
                    return key.credential();
                })
                .toList();
        List<Credential> unacknowledged = IntStream.range(0, pooled)
                .mapToObj(i -> api.generate(freshOwner, SCOPES).credential())
                .toList();

        Function<Row, Integer> unauthenticated = row -> row.rule().open() ? row.allowed() : 401;
        List<Column> columns = new ArrayList<>(List.of(
                new Column("no credential", () -> Credential.NONE, unauthenticated),
                new Column("malformed key", () -> Api.key("lk_not-a-key"), unauthenticated),
                new Column("unknown key", AuthorizationMatrixIT::unknownKey, unauthenticated),
                new Column("expired key", cycle(expired), unauthenticated),
                new Column("removed key", cycle(removed), unauthenticated),
                new Column("unacknowledged key", cycle(unacknowledged), unauthenticated)));
        for (String scope : SCOPES) {
            Credential key = api.issue(freshOwner, List.of(scope)).credential();
            columns.add(new Column("key with " + scope, () -> key, row -> forKey(row, Set.of(scope))));
        }
        Credential allScopes = api.issue(freshOwner, SCOPES).credential();
        columns.add(new Column("key with all scopes", () -> allScopes, row -> forKey(row, Set.copyOf(SCOPES))));
        for (String role : ROLES) {
            Credential person = role.equals("workspace_owner") ? api.owner() : api.newPerson(role);
            columns.add(new Column(
                    "bearer " + role,
                    () -> person,
                    row -> row.rule().open() || row.rule().roles().contains(role) ? row.allowed() : 403));
        }
        return columns;
    }

    private static int forKey(Row row, Set<String> scopes) {
        Rule rule = row.rule();
        if (rule.open() || rule.anyKey()) {
            return row.allowed();
        }
        boolean granted = rule.anyOfScopes().stream()
                .anyMatch(needed ->
                        scopes.contains(needed) || needed.startsWith("read:items:") && scopes.contains("read:items"));
        return granted ? row.allowed() : 403;
    }

    /** Hands out each credential {@link #REFUSALS_PER_KEY} times, then the next one. */
    private static Supplier<Credential> cycle(List<Credential> pool) {
        Iterator<Credential> uses = pool.stream()
                .flatMap(credential -> IntStream.range(0, REFUSALS_PER_KEY).mapToObj(i -> credential))
                .iterator();
        return uses::next;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** A well-formed key (checksum included) whose id no key has, so only the database lookup can reject it. */
    private static Credential unknownKey() {
        String body = "lk_" + randomBase62(12) + "_" + randomBase62(32);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] checksum = new char[6];
        for (int i = 5; i >= 0; i--) {
            checksum[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return Api.key(body + new String(checksum));
    }

    private static String randomBase62(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE62.charAt(RANDOM.nextInt(62)));
        }
        return text.toString();
    }
}
