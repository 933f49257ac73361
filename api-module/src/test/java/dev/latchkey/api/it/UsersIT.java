package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class UsersIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void creatingAUserReportsEveryInvalidField() {
        Reply reply = api.post(
                "/api/v1/users",
                api.owner(),
                Map.of("email", "not-an-email", "name", "", "role", "boss", "password", "short"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/email", "/name", "/role", "/password");
        assertThat(reply.body()).doesNotContain("\"short\"");
    }

    @Test
    void malformedJsonIsA400ThatDoesNotEchoTheBody() {
        Reply reply = api.post("/api/v1/users", api.owner(), "{\"password\": \"hunter2-secret\",");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("hunter2");
    }

    @Test
    void onlyTheOwnerMakesSuperAdminsAndNobodyDemotesTheOwner() {
        Credential.Bearer admin = api.newPerson("workspace_admin");
        String ownerId = api.userIdOf(api.owner());

        Reply superAdminByAdmin = api.post(
                "/api/v1/users",
                admin,
                Map.of(
                        "email",
                        UUID.randomUUID() + "@latchkey.test",
                        "name",
                        "Would-be",
                        "role",
                        "workspace_super_admin",
                        "password",
                        "a-long-enough-password"));
        assertThat(superAdminByAdmin.status()).isEqualTo(403);
        assertThat(superAdminByAdmin.errorCode()).isEqualTo("owner_required");

        Reply demoteOwner = api.patch("/api/v1/users/" + ownerId, admin, Map.of("role", "workspace_user"));
        assertThat(demoteOwner.status()).isEqualTo(403);
        assertThat(demoteOwner.errorCode()).isEqualTo("owner_immutable");

        Reply secondOwner = api.post(
                "/api/v1/users",
                api.owner(),
                Map.of(
                        "email",
                        UUID.randomUUID() + "@latchkey.test",
                        "name",
                        "Second",
                        "role",
                        "workspace_owner",
                        "password",
                        "a-long-enough-password"));
        assertThat(secondOwner.status()).isEqualTo(403);
        assertThat(secondOwner.errorCode()).isEqualTo("single_owner");
    }

    @Test
    void plainUsersCannotManagePeopleAndKeysNeedReadUsers() {
        Credential.Bearer user = api.newPerson("workspace_user");
        assertThat(api.get("/api/v1/users", user).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/users", user, Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/whoami", user).attributes().path("role").asText())
                .isEqualTo("workspace_user");

        Api.IssuedKey activitiesOnly = api.issue(api.owner(), List.of("read:activities"));
        assertThat(api.get("/api/v1/users", activitiesOnly.credential()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/users", activitiesOnly.credential(), Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void usersArePagedAndFiltered() {
        Credential.Bearer owner = api.owner();
        api.newPerson("workspace_user");
        api.newPerson("workspace_user");

        Reply page = api.get("/api/v1/users?page[size]=1&page[number]=2", owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data()).hasSize(1);
        assertThat(page.json().path("meta").path("page").path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.json().path("meta").path("page").path("maxSize").asInt())
                .isEqualTo(100);
        assertThat(page.json().path("links").path("next").asText()).contains("page%5Bnumber%5D=3");
        assertThat(page.json().path("links").path("previous").asText()).contains("page%5Bnumber%5D=1");

        Reply tooBig = api.get("/api/v1/users?page[size]=101&page[number]=x", owner);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("errors").findValuesAsText("parameter"))
                .containsExactlyInAnyOrder("page[number]", "page[size]");

        Reply filtered = api.get("/api/v1/users?filter[search]=" + LatchkeyServer.OWNER_EMAIL, owner);
        assertThat(filtered.data()).hasSize(1);
    }

    @Test
    void signInFailuresAllLookTheSame() {
        Reply wrongPassword = api.post(
                "/api/v1/auth/tokens",
                Credential.NONE,
                Map.of("email", LatchkeyServer.OWNER_EMAIL, "password", "wrong-password-here"));
        Reply unknownEmail = api.post(
                "/api/v1/auth/tokens",
                Credential.NONE,
                Map.of("email", "nobody@latchkey.test", "password", "wrong-password-here"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void tenFailedSignInsForOneEmailFromOneAddressAreThrottledWithRetryAfterForThatAddressOnly() {
        String email = "throttled-" + UUID.randomUUID() + "@latchkey.test";
        String password = "the-right-password-" + UUID.randomUUID();
        assertThat(api.post(
                                "/api/v1/users",
                                api.owner(),
                                Map.of(
                                        "email",
                                        email,
                                        "name",
                                        "Throttled",
                                        "role",
                                        "workspace_user",
                                        "password",
                                        password))
                        .status())
                .isEqualTo(201);

        Api attacker = api.from(Api.testNetAddress());
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(attacker.post(
                                    "/api/v1/auth/tokens",
                                    Credential.NONE,
                                    Map.of("email", email, "password", "wrong-password-" + attempt))
                            .status())
                    .as("attempt " + attempt)
                    .isEqualTo(401);
        }
        Reply throttled =
                attacker.post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", password));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("too_many_attempts");
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(attacker.post(
                                "/api/v1/auth/tokens",
                                Credential.NONE,
                                Map.of("email", LatchkeyServer.OWNER_EMAIL, "password", LatchkeyServer.OWNER_PASSWORD))
                        .status())
                .as("other emails unaffected")
                .isEqualTo(201);
        assertThat(api.post("/api/v1/auth/tokens", Credential.NONE, Map.of("email", email, "password", password))
                        .status())
                .as("the right password from another address is not locked out")
                .isEqualTo(201);
    }

    @Test
    void signingOutEndsTheToken() {
        Credential.Bearer owner = api.owner();
        assertThat(api.delete("/api/v1/auth/tokens/current", owner).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/whoami", owner).status()).isEqualTo(401);
    }
}
