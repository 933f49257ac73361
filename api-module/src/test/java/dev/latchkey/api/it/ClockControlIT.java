package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class ClockControlIT {
    private final Api api;

    ClockControlIT(LatchkeyServer server) {
        this.api = new Api(server);
    }

    @Test
    void aMovePastTheLatestInstantIsRefusedAndTheServerKeepsAnswering() {
        Api.Credential.Bearer owner = api.owner();

        Reply refused = api.post("/api/v1/testing/clock", owner, Map.of("seconds", Long.MAX_VALUE));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_seconds");
        assertThat(refused.json()
                        .path("errors")
                        .path(0)
                        .path("source")
                        .path("pointer")
                        .asText())
                .isEqualTo("/seconds");
        // Before the fix the move was made and then failed, and every later request answered 500.
        Reply whoami = api.get("/api/v1/whoami", owner);
        assertThat(whoami.status()).as(whoami.body()).isEqualTo(200);
        Reply read = api.post("/api/v1/testing/clock", owner, Map.of("seconds", 0));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }
}
