package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class PingIT {

    @Test
    void pingAnswersOkWithoutAuthentication(LatchkeyServer server) {
        HttpResponse<String> response = server.get("/api/v1/ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(Json.parse(response.body()))
                .isEqualTo(Json.parse(
                        "{\"data\":{\"id\":\"ping\",\"type\":\"ping\",\"attributes\":{\"status\":\"ok\"}}}"));
    }

    @Test
    void unknownApiPathIsNotFound(LatchkeyServer server) {
        assertThat(server.get("/api/v1/no-such-thing").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDocumentDescribesPing(LatchkeyServer server) {
        HttpResponse<String> response = server.get("/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body())
                        .path("paths")
                        .path("/api/v1/ping")
                        .path("get")
                        .path("operationId")
                        .asText())
                .isEqualTo("ping");
    }
}
