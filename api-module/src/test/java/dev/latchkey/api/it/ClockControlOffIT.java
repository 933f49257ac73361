package dev.latchkey.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server as users run it, without {@code latchkey.testing.clock-control} (the suite's shared server has it on): the
 * test-only endpoints are not there for anyone, the document it serves is the committed one, and jobs run at once.
 */
class ClockControlOffIT {
    @TempDir
    static Path scratch;

    private static LatchkeyServer server;
    private static Api api;

    @BeforeAll
    static void startWithoutClockControl() {
        server = LatchkeyServer.startSeparate(
                scratch.resolve("data"),
                scratch.resolve("server.log"),
                Map.of("LATCHKEY_TESTING_CLOCK_CONTROL", "false"));
        api = new Api(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTestingEndpointsAreNotFoundEvenForTheOwner() {
        Credential.Bearer owner = api.owner();
        List<Reply> replies = List.of(
                api.post("/api/v1/testing/clock", owner, Map.of("seconds", 3600)),
                api.post("/api/v1/testing/clock", Credential.NONE, Map.of("seconds", 3600)),
                api.put("/api/v1/testing/job-gate", owner, Map.of("open", false)),
                api.put("/api/v1/testing/job-gate", Credential.NONE, Map.of("open", false)));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
        });
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        HttpResponse<String> served =
                server.send(server.request("/openapi").GET().build());
        String committed = Files.readString(
                Path.of(System.getProperty("latchkey.openapi.document", "../openapi/openapi.yaml")), UTF_8);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(DocumentWithoutTestingEndpoints.testingPaths(served.body())).isEmpty();
        String diff = LineDiff.unified(
                "openapi/openapi.yaml (committed)",
                OpenApiDocumentIT.canonical(committed),
                "/openapi (served without clock control)",
                OpenApiDocumentIT.canonical(served.body()));
        assertThat(diff).as("%s", diff).isEmpty();
    }

    @Test
    void aRequestedJobRunsAtOnce() {
        Credential.Bearer owner = api.owner();
        Reply started = api.post("/api/v1/jobs", owner, Map.of("workflowType", "expire_keys"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        Reply ended = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get(
                                "/api/v1/jobs/" + started.data().path("id").asText(), owner),
                        reply -> List.of("finished", "error")
                                .contains(reply.attributes().path("status").asText()));
        assertThat(ended.attributes().path("status").asText()).isEqualTo("finished");
    }
}
