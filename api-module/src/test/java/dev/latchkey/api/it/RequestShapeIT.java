package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the API answers requests of unusual shape: OPTIONS, matrix parameters, query parameters it does not know, bodies
 * that are missing or null.
 */
@ExtendWith(LatchkeyServerExtension.class)
class RequestShapeIT {
    private LatchkeyServer server;
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        this.server = server;
        api = new Api(server);
    }

    @Test
    void unauthenticatedOptionsListsTheAllowedMethodsQuietly() {
        long severeBefore = severeLines();

        HttpResponse<String> options = server.send(server.request("/api/v1/api-keys")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(options.statusCode()).as(options.body()).isIn(200, 204);
        assertThat(options.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(options.body()).doesNotContain("operation_not_guarded");
        assertThat(severeLines()).as("SEVERE lines in the server log").isEqualTo(severeBefore);
    }

    @Test
    void matrixParametersOnApiPathsAreRefused() {
        Credential.Bearer owner = api.owner();
        for (String path : List.of(
                "/api/v1/users;jsessionid=1",
                "/api/v1;jsessionid=1/users",
                "/api/v1/users;x=1",
                "/api/v1/api-keys/abc;v=2")) {
            Reply reply = api.get(path, owner);

            assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
            assertThat(reply.errorCode()).as(path).isEqualTo("matrix_parameters_not_allowed");
        }
    }

    @Test
    void pageLinksCarryOnlyTheOperationsOwnParameters() {
        Reply page = api.get(
                "/api/v1/users?filter%5Bsearch%5D=owner&bogus=%3Cscript%3E&filter%5Bnope%5D=1" + "&page%5Bsize%5D=1",
                api.owner());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("links").path("self").asText())
                .isEqualTo("/api/v1/users?filter%5Bsearch%5D=owner&page%5Bnumber%5D=1&page%5Bsize%5D=1");
    }

    @Test
    void absentAndNullBodiesAreReportedLikeAnEmptyObject() {
        Credential.Bearer owner = api.owner();
        List<String> expected = List.of("/email", "/name", "/role", "/password");

        Reply empty = api.post("/api/v1/users", owner, "{}");
        Reply nullBody = api.post("/api/v1/users", owner, "null");
        Reply absent = api.post("/api/v1/users", owner, null);

        for (Reply reply : List.of(empty, nullBody, absent)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().path("errors").findValuesAsText("pointer"))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private long severeLines() {
        return server.log().lines().filter(line -> line.contains("SEVERE")).count();
    }
}
