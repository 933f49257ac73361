package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server does with bodies, connections and ports that a hostile or careless client sends. */
@ExtendWith(LatchkeyServerExtension.class)
class HostileTransportIT {
    /** Long enough for a loaded machine, far shorter than "never". */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final LatchkeyServer server;

    HostileTransportIT(LatchkeyServer server) {
        this.server = server;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":[", "{\"x\":[1}", "{\"a\":{\"b\":1", "{\"email\":\"a@b.c\",\"x\":{\"y\":["})
    void truncatedJsonToSignInGets400AtOnce(String body) {
        HttpResponse<String> response = send("POST", "/api/v1/auth/tokens", Map.of(), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("malformed_json");
        assertThat(response.body()).doesNotContain(body);
    }

    @Test
    void truncatedJsonGets400AtOnceOnEveryOperationWithABody() {
        String owner = "Bearer " + new Api(server).owner().token();
        List<String> refused = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, String> operation : operationsWithBodies()) {
            String path = operation
                    .getValue()
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpResponse<String> response = send(operation.getKey(), path, Map.of("Authorization", owner), "{\"x\":[");
            operations++;
            if (response.statusCode() != 400 || !errorCode(response).equals("malformed_json")) {
                refused.add(operation.getKey() + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
        }

        assertThat(operations)
                .as("operations with a body in the served document")
                .isGreaterThan(20);
        assertThat(refused).isEmpty();
    }

    @Test
    void bodyDeclaredOverTheLimitGets413WithoutBeingRead() throws IOException {
        // A 60 MB sign-in announced but not sent: the answer must come from the header alone.
        try (Socket socket =
                new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout((int) AT_ONCE.toMillis());
            socket.getOutputStream()
                    .write(("POST /api/v1/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: " + 60 * 1024 * 1024
                                    + "\r\n\r\n{\"email\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String answer = readUntilBodyEnds(socket);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"code\":\"body_too_large\"");
        }
    }

    @Test
    void chunkedBodyOverTheLimitGets413() {
        byte[] body = ("{\"email\":\"" + "a".repeat(MAX_BODY_BYTES) + "\",\"password\":\"p\"}").getBytes(UTF_8);
        HttpRequest request = server.request("/api/v1/auth/tokens")
                .timeout(AT_ONCE)
                .header("Content-Type", "application/json")
                // An input-stream publisher has no length, so the client sends the body in chunks.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = server.send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(errorCode(response)).isEqualTo("body_too_large");
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String start = "{\"email\":\"";
        String end = "@latchkey.test\",\"password\":\"wrong\"}";
        String body = start + "a".repeat(MAX_BODY_BYTES - start.length() - end.length()) + end;

        HttpResponse<String> response = send("POST", "/api/v1/auth/tokens", Map.of(), body);

        assertThat(body.getBytes(UTF_8)).hasSize(MAX_BODY_BYTES);
        assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
        assertThat(errorCode(response)).isNotEqualTo("body_too_large");
    }

    @Test
    void serverListensOnItsHttpPortOnLoopbackAndNowhereElse() {
        Set<String> listening = listeningSockets(server.pid());

        assertThat(listening).containsExactly("127.0.0.1:" + server.baseUri().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/ping", "/", "/swagger-ui/index.html", "/api/v1/no-such-thing"})
    void everyResponseCarriesTheSecurityHeadersAndNoServerBanner(String path) {
        HttpResponse<String> response =
                server.send(server.request(path).timeout(AT_ONCE).GET().build());

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("frame-ancestors 'none'").contains("default-src 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void traceGets405InTheErrorShapeWithTheSecurityHeaders() {
        HttpResponse<String> response = server.send(server.request("/api/v1/ping")
                .timeout(AT_ONCE)
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(errorCode(response)).isEqualTo("method_not_allowed");
        // The refusal filter answers without calling the chain, so the header filter must run before it.
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void contentTypeThatListsTwoTypesGets400InTheErrorShape() {
        HttpRequest request = server.request("/api/v1/auth/tokens")
                .timeout(AT_ONCE)
                .header("Content-Type", "application/json, text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"p\"}"))
                .build();

        HttpResponse<String> response = server.send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("malformed_content_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "json", "application/json; boundary=\""})
    void contentTypeThatIsNotAMediaTypeGets400InTheErrorShape(String contentType) {
        RawHttp.Answer answer = raw(
                "POST",
                "/api/v1/auth/tokens",
                List.of(new RawHttp.Header("Content-Type", contentType)),
                "{\"email\":\"a@b.c\",\"password\":\"p\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(errorCode(answer)).isEqualTo("malformed_content_type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/*;q=abc",
                "application/json;q=2",
                "application/json;q=0.5, text/html;q=",
                "json",
                "application/json;q=0.1234",
                "application/json, , text/plain;q=0"
            })
    void acceptThatIsNotAListOfMediaRangesGets400InTheErrorShape(String accept) {
        RawHttp.Answer answer = raw("GET", "/api/v1/ping", List.of(new RawHttp.Header("Accept", accept)), "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(errorCode(answer)).isEqualTo("malformed_accept");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json;q=0.9, */*;q=0.1",
                "*/*",
                "text/plain;q=0, application/json",
                "application/*;q=1.000",
                "application/json; x=\"a,b\""
            })
    void acceptListsWithWeightsAreAnswered(String accept) {
        RawHttp.Answer answer = raw("GET", "/api/v1/ping", List.of(new RawHttp.Header("Accept", accept)), "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%2f..%2f..%2fopenapi", "/api/v1/%2F", "/api/v1/ping%2Fextra", "/api/v1/ping/%2f"})
    void encodedSlashInAPathGets404InTheErrorShape(String path) {
        RawHttp.Answer answer = raw("GET", path, List.of(), "");

        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        assertThat(answer.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(errorCode(answer)).isEqualTo("not_found");
    }

    private RawHttp.Answer raw(String method, String target, List<RawHttp.Header> headers, String body) {
        RawHttp.Outcome outcome =
                new RawHttp(server.baseUri(), AT_ONCE).exchange(method, target, headers, body.getBytes(UTF_8));
        assertThat(outcome).isInstanceOf(RawHttp.Answer.class);
        return (RawHttp.Answer) outcome;
    }

    private static String errorCode(RawHttp.Answer answer) {
        return Json.parse(answer.text()).path("errors").path(0).path("code").asText();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = server.request(path)
                .timeout(AT_ONCE)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return server.send(request.build());
    }

    /** Reads a response whose JSON error body ends with "]}", without waiting for the connection to close. */
    private static String readUntilBodyEnds(Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] chunk = new byte[1024];
        for (int n = socket.getInputStream().read(chunk);
                n != -1;
                n = socket.getInputStream().read(chunk)) {
            answer.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            if (answer.toString().endsWith("]}")) {
                break;
            }
        }
        return answer.toString();
    }

    private static String errorCode(HttpResponse<String> response) {
        return Json.parse(response.body()).path("errors").path(0).path("code").asText();
    }

    /** (method, path template) of every operation with a request body in the served OpenAPI document. */
    private List<Map.Entry<String, String>> operationsWithBodies() {
        JsonNode paths = Json.parse(server.get("/openapi").body()).path("paths");
        List<Map.Entry<String, String>> operations = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (operation.getValue().has("requestBody")) {
                        operations.add(Map.entry(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                    }
                }));
        return operations;
    }

    /**
     * The TCP sockets the process listens on, as "address:port": Linux lists every socket of the network namespace in
     * /proc/net/tcp*, so only those whose inode is among the process's open files are its own.
     */
    private static Set<String> listeningSockets(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed while listing; it cannot be a listener that matters.
                }
            }
            Set<String> listening = new HashSet<>();
            for (String table : List.of("tcp", "tcp6")) {
                List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    boolean listen = fields[3].equals("0A");
                    if (listen && inodes.contains(fields[9])) {
                        listening.add(address(fields[1]));
                    }
                }
            }
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException("this test reads /proc and runs on Linux only", e);
        }
    }

    /** "0100007F:1F90" (little-endian IPv4, hex port) as "127.0.0.1:8080"; IPv6 stays hex. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        if (parts[0].length() != 8) {
            return "[" + parts[0] + "]:" + port;
        }
        long ip = Long.parseLong(parts[0], 16);
        return (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff) + ":" + port;
    }
}
