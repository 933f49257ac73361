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
class TeamsIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void anAdministratorRunsATeamsWholeLifeAndEveryChangeIsLogged() {
        Credential.Bearer admin = api.newPerson("workspace_admin");
        String adminId = api.userIdOf(admin);
        String memberId = api.userIdOf(api.newPerson("workspace_user"));
        String name = "Platform " + UUID.randomUUID();

        Reply created = api.post("/api/v1/teams", admin, Map.of("name", "  " + name + "  "));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.attributes().path("name").asText()).isEqualTo(name);
        assertThat(created.attributes().path("memberCount").asInt()).isZero();
        String team = "/api/v1/teams/" + created.data().path("id").asText();

        Reply added = api.post(team + "/members", admin, Map.of("userId", memberId));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.attributes().path("members").findValuesAsText("id")).containsExactly(memberId);

        Reply renamed = api.patch(team, admin, Map.of("name", name + " renamed"));
        assertThat(renamed.attributes().path("name").asText()).isEqualTo(name + " renamed");
        assertThat(renamed.attributes().path("memberCount").asInt()).isEqualTo(1);

        Reply removed = api.delete(team + "/members/" + memberId, admin);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.attributes().path("members")).isEmpty();

        assertThat(api.delete(team, admin).status()).isEqualTo(204);
        assertThat(api.get(team, admin).status()).isEqualTo(404);

        Reply log = api.get("/api/v1/activities?filter[actor]=" + adminId + "&page[size]=100", api.owner());
        assertThat(log.data().findValuesAsText("type"))
                .containsSubsequence(
                        "team.deleted", "team.member_removed", "team.renamed", "team.member_added", "team.created");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        Credential.Bearer owner = api.owner();
        String name = "Security " + UUID.randomUUID();
        String team = "/api/v1/teams/"
                + api.post("/api/v1/teams", owner, Map.of("name", name))
                        .data()
                        .path("id")
                        .asText();

        Reply blank = api.post("/api/v1/teams", owner, Map.of("name", " "));
        Reply taken = api.post("/api/v1/teams", owner, Map.of("name", name.toUpperCase()));
        Reply unknownUser = api.post(
                team + "/members", owner, Map.of("userId", UUID.randomUUID().toString()));

        assertThat(List.of(blank, taken, unknownUser))
                .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(400));
        assertThat(blank.json().path("errors").findValuesAsText("pointer")).containsExactly("/name");
        assertThat(taken.errorCode()).isEqualTo("name_taken");
        assertThat(unknownUser.json().path("errors").findValuesAsText("pointer"))
                .containsExactly("/userId");
    }

    @Test
    void membershipConflictsAndMissingThingsAreReported() {
        Credential.Bearer owner = api.owner();
        String memberId = api.userIdOf(api.newPerson("workspace_user"));
        String team = "/api/v1/teams/"
                + api.post("/api/v1/teams", owner, Map.of("name", "Ops " + UUID.randomUUID()))
                        .data()
                        .path("id")
                        .asText();
        api.post(team + "/members", owner, Map.of("userId", memberId));

        Reply twice = api.post(team + "/members", owner, Map.of("userId", memberId));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("already_a_member");
        assertThat(api.delete(team + "/members/" + UUID.randomUUID(), owner).errorCode())
                .isEqualTo("member_not_found");
        assertThat(api.get("/api/v1/teams/not-an-id", owner).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/teams/" + UUID.randomUUID(), owner, Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aKeyWithReadUsersReadsTeamsPagedByName() {
        Credential.Bearer owner = api.owner();
        String prefix = "Paged " + UUID.randomUUID() + " ";
        for (String suffix : List.of("b", "a", "c")) {
            assertThat(api.post("/api/v1/teams", owner, Map.of("name", prefix + suffix))
                            .status())
                    .isEqualTo(201);
        }
        Credential key = api.issue(owner, List.of("read:users")).credential();

        Reply page = api.get(
                "/api/v1/teams?filter[search]=" + prefix.strip().replace(" ", "%20") + "&page[size]=2&page[number]=1",
                key);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data().findValuesAsText("name")).containsExactly(prefix + "a", prefix + "b");
        assertThat(page.json().path("meta").path("page").path("total").asLong()).isEqualTo(3);
        String id = page.data().path(0).path("id").asText();
        assertThat(api.get("/api/v1/teams/" + id, key).attributes().path("name").asText())
                .isEqualTo(prefix + "a");
        assertThat(api.post("/api/v1/teams", key, Map.of("name", "by key")).status())
                .isEqualTo(403);
    }
}
