package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** A small HTTP client for black-box tests: JSON in, status and JSON tree out, with either kind of credential. */
final class Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LatchkeyServer server;
    private final Supplier<String> clientAddress;

    /**
     * A client of its own: the test servers trust loopback as a proxy, and each Api names in X-Forwarded-For a
     * random address of its own, so that the failures one test provokes on purpose never count against the
     * client address of another (throttling counts per address).
     */
    Api(LatchkeyServer server) {
        this(server, constant(testNetAddress()));
    }

    private Api(LatchkeyServer server, Supplier<String> clientAddress) {
        this.server = server;
        this.clientAddress = clientAddress;
    }

    /** The same client seen as coming from {@code address}. */
    Api from(String address) {
        return new Api(server, constant(address));
    }

    /** The same client sending every request from a fresh address, like many clients at once. */
    Api fromAFreshAddressEachRequest() {
        return new Api(server, Api::testNetAddress);
    }

    private static Supplier<String> constant(String address) {
        return () -> address;
    }

    /** A random address from 198.18.0.0/15 (reserved for benchmarks), so that each test's attacker is a stranger. */
    static String testNetAddress() {
        int host = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (host >> 16)) + "." + (host >> 8 & 0xFF) + "." + (host & 0xFF);
    }

    /** How a request proves who it comes from. */
    sealed interface Credential {
        Credential NONE = new None();

        record None() implements Credential {}

        record Bearer(String token) implements Credential {}

        record Key(String apiKey) implements Credential {}
    }

    /** A response: status, headers, raw body and its JSON tree (empty object for an empty body). */
    record Reply(int status, HttpHeaders headers, String body, JsonNode json) {
        JsonNode data() {
            return json.path("data");
        }

        JsonNode attributes() {
            return json.path("data").path("attributes");
        }

        String errorCode() {
            return json.path("errors").path(0).path("code").asText();
        }

        String errorDetail() {
            return json.path("errors").path(0).path("detail").asText();
        }
    }

    /** A key that went through the whole wizard. */
    record IssuedKey(String id, String plaintext, String wizardId) {
        Credential credential() {
            return new Credential.Key(plaintext);
        }
    }

    static Credential.Bearer bearer(String token) {
        return new Credential.Bearer(token);
    }

    static Credential.Key key(String apiKey) {
        return new Credential.Key(apiKey);
    }

    Reply get(String path, Credential credential) {
        return call("GET", path, credential, null);
    }

    Reply post(String path, Credential credential, Object body) {
        return call("POST", path, credential, body);
    }

    Reply put(String path, Credential credential, Object body) {
        return call("PUT", path, credential, body);
    }

    Reply patch(String path, Credential credential, Object body) {
        return call("PATCH", path, credential, body);
    }

    Reply delete(String path, Credential credential) {
        return call("DELETE", path, credential, null);
    }

    /** Sends {@code body} as JSON (a String is sent as it is, to test malformed bodies). */
    Reply call(String method, String path, Credential credential, Object body) {
        HttpRequest.Builder request = server.request(path).header("Accept", "application/json");
        request.header("X-Forwarded-For", clientAddress.get());
        switch (credential) {
            case Credential.Bearer bearer -> request.header("Authorization", "Bearer " + bearer.token());
            case Credential.Key key -> request.header("X-API-Key", key.apiKey());
            case Credential.None none -> {}
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : write(body)));
        }
        HttpResponse<String> response = server.send(request.build());
        String text = response.body();
        return new Reply(
                response.statusCode(),
                response.headers(),
                text,
                text == null || text.isBlank() ? MAPPER.createObjectNode() : Json.parse(text));
    }

    /** Signs in and returns a bearer credential. */
    Credential.Bearer signIn(String email, String password) {
        Reply reply = post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return bearer(reply.attributes().path("token").asText());
    }

    Credential.Bearer owner() {
        return signIn(LatchkeyServer.OWNER_EMAIL, LatchkeyServer.OWNER_PASSWORD);
    }

    /** Creates a person with {@code role} and signs them in. */
    Credential.Bearer newPerson(String role) {
        String email = "person-" + UUID.randomUUID() + "@latchkey.test";
        String password = "a-long-password-" + UUID.randomUUID();
        Reply created = post(
                "/api/v1/users",
                owner(),
                Map.of("email", email, "name", "Person " + role, "role", role, "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return signIn(email, password);
    }

    String userIdOf(Credential.Bearer person) {
        return get("/api/v1/whoami", person).attributes().path("userId").asText();
    }

    /** Starts a wizard and walks it to the store step; the key is generated but not acknowledged. */
    IssuedKey generate(Credential.Bearer person, List<String> scopes) {
        return generate(person, scopes, "1d");
    }

    /** {@link #generate(Credential.Bearer, List)} with one of the wizard's expiration presets, such as "1h". */
    IssuedKey generate(Credential.Bearer person, List<String> scopes, String expiration) {
        String wizardId =
                post("/api/v1/api-key-wizards", person, null).data().path("id").asText();
        Reply details = put(
                "/api/v1/api-key-wizards/" + wizardId + "/details",
                person,
                Map.of("name", "key " + UUID.randomUUID(), "expiration", expiration));
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        Reply stored = put("/api/v1/api-key-wizards/" + wizardId + "/scopes", person, Map.of("scopes", scopes));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return new IssuedKey(
                stored.attributes().path("apiKeyId").asText(),
                stored.attributes().path("apiKey").asText(),
                wizardId);
    }

    /** The whole wizard: the key is active when this returns. */
    IssuedKey issue(Credential.Bearer person, List<String> scopes) {
        return issue(person, scopes, "1d");
    }

    IssuedKey issue(Credential.Bearer person, List<String> scopes, String expiration) {
        IssuedKey key = generate(person, scopes, expiration);
        Reply acknowledged = post(
                "/api/v1/api-key-wizards/" + key.wizardId() + "/acknowledgement", person, Map.of("storedSafely", true));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        return key;
    }

    /** Moves the server's clock forward (the server runs with clock control on). */
    void advanceClock(long seconds) {
        Reply reply = post("/api/v1/testing/clock", owner(), Map.of("seconds", seconds));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
