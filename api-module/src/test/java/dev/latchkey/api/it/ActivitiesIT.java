package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class ActivitiesIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void filtersByTypeActorAndSinceTogether() {
        Credential.Bearer admin = api.newPerson("workspace_admin");
        String adminId = api.userIdOf(admin);
        String before = serverNow();
        api.advanceClock(1);
        api.post("/api/v1/teams", admin, Map.of("name", "Filtered " + UUID.randomUUID()));
        api.post("/api/v1/teams", api.owner(), Map.of("name", "Someone else's " + UUID.randomUUID()));

        Reply filtered = api.get(
                "/api/v1/activities?filter[type]=team.created&filter[actor]=" + adminId + "&filter[since]=" + before
                        + "&page[size]=100",
                api.owner());

        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.data()).hasSize(1);
        assertThat(filtered.data()
                        .path(0)
                        .path("attributes")
                        .path("actor")
                        .path("userId")
                        .asText())
                .isEqualTo(adminId);
        Reply later =
                api.get("/api/v1/activities?filter[actor]=" + adminId + "&filter[since]=" + farFuture(), api.owner());
        assertThat(later.data()).isEmpty();
    }

    @Test
    void badFiltersAreAllReportedByParameter() {
        Reply reply = api.get(
                "/api/v1/activities?filter[type]=nope&filter[actor]=someone&filter[since]=yesterday" + "&page[size]=0",
                api.owner());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("parameter"))
                .containsExactlyInAnyOrder("filter[type]", "filter[actor]", "filter[since]", "page[size]");
    }

    @Test
    void sinceBeyondWhatTheLogCanStoreIsRefusedByParameter() {
        Reply reply = api.get("/api/v1/activities?filter%5Bsince%5D=%2B999999999-12-31T23:59:59Z", api.owner());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("instant_out_of_range");
        assertThat(reply.json()
                        .path("errors")
                        .path(0)
                        .path("source")
                        .path("parameter")
                        .asText())
                .isEqualTo("filter[since]");
    }

    /** The server's clock, which tests move, read from the test-clock endpoint without moving it. */
    private String serverNow() {
        Reply clock = api.post("/api/v1/testing/clock", api.owner(), Map.of("seconds", 0));
        return clock.attributes().path("now").asText();
    }

    private String farFuture() {
        return java.time.Instant.parse(serverNow())
                .plusSeconds(365L * 24 * 3600)
                .toString();
    }
}
