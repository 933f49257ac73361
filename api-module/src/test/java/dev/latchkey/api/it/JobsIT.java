package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class JobsIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void expireKeysRecordsEachExpiredKeyOnce() {
        Api.IssuedKey key = api.issue(api.owner(), List.of("read:users"), "1h");
        api.advanceClock(3600 + 1);
        Credential.Bearer owner = api.owner();

        Reply started = api.post("/api/v1/jobs", owner, Map.of("workflowType", "expire_keys"));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.attributes().path("status").asText()).isEqualTo("created");
        assertThat(started.attributes().path("trigger").asText()).isEqualTo("manual");
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .endsWith("/api/v1/jobs/" + started.data().path("id").asText()));
        Reply finished = awaitEnd(started.data().path("id").asText(), owner);
        assertThat(finished.attributes().path("status").asText()).isEqualTo("finished");
        assertThat(finished.attributes()
                        .path("result")
                        .path("counts")
                        .path("expiredKeys")
                        .asLong())
                .isPositive();
        assertThat(finished.attributes().path("startedAt").asText()).isNotEmpty();
        assertThat(expiryActivitiesOf(key.id(), owner)).isEqualTo(1);

        awaitEnd(
                api.post("/api/v1/jobs", owner, Map.of("workflowType", "expire_keys"))
                        .data()
                        .path("id")
                        .asText(),
                owner);
        assertThat(expiryActivitiesOf(key.id(), owner))
                .as("recorded once, however often the job runs")
                .isEqualTo(1);
    }

    @Test
    void purgeAbandonedWizardsExpiresThemAndRecordsWhoAsked() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey automation = api.issue(owner, List.of("read:automations", "write:automations"));
        Api.IssuedKey abandoned = api.generate(owner, List.of("read:users"));
        api.advanceClock(15 * 60 + 1);

        Reply started =
                api.post("/api/v1/jobs", automation.credential(), Map.of("workflowType", "purge_abandoned_wizards"));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.attributes().path("requestedBy").path("apiKeyId").asText())
                .isEqualTo(automation.id());
        Reply finished = awaitEnd(started.data().path("id").asText(), automation.credential());
        assertThat(finished.attributes().path("status").asText()).isEqualTo("finished");
        assertThat(finished.attributes()
                        .path("result")
                        .path("counts")
                        .path("expiredWizards")
                        .asLong())
                .isPositive();
        Reply expired = api.get("/api/v1/activities?filter[type]=wizard.expired&page[size]=100", api.owner());
        assertThat(expired.data().findValuesAsText("id")).isNotEmpty();
        assertThat(expired.body()).contains(abandoned.wizardId()).contains(abandoned.id());
        Reply requested = api.get("/api/v1/activities?filter[type]=job.requested&page[size]=100", api.owner());
        assertThat(requested.body())
                .contains(started.data().path("id").asText())
                .contains(automation.id());
    }

    @Test
    void checkVaultHealthReportsTheBuiltInVaultHealthy() {
        // Other test classes add integrations (some deliberately broken) to the shared server, so this test
        // counts against the integrations list instead of assuming the Local vault is the only one.
        Credential.Bearer owner = api.owner();

        Reply started = api.post("/api/v1/jobs", owner, Map.of("workflowType", "check_vault_health"));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Reply finished = awaitEnd(started.data().path("id").asText(), owner);
        assertThat(finished.attributes().path("status").asText()).isEqualTo("finished");
        assertThat(finished.attributes()
                        .path("result")
                        .path("counts")
                        .path("healthy")
                        .asLong())
                .as("the Local vault created on first start")
                .isPositive();
        long integrations = api.get("/api/v1/integrations", owner).data().size();
        assertThat(finished.attributes()
                                .path("result")
                                .path("counts")
                                .path("healthy")
                                .asLong()
                        + finished.attributes()
                                .path("result")
                                .path("counts")
                                .path("unhealthy")
                                .asLong())
                .as("every integration checked")
                .isEqualTo(integrations);
        assertThat(finished.attributes().path("result").path("summary").asText())
                .doesNotContain("Local vault");
    }

    @Test
    void aSecondRunOfAJobIsRefusedWhileTheFirstHoldsTheSlot() throws Exception {
        Credential.Bearer owner = api.owner();
        holdJobs(owner, true);
        List<Reply> racing;
        Reply otherType;
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<CompletableFuture<Reply>> requests = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> api.post("/api/v1/jobs", owner, Map.of("workflowType", "expire_keys")), pool))
                    .toList();
            racing = requests.stream().map(CompletableFuture::join).toList();
            otherType = api.post("/api/v1/jobs", owner, Map.of("workflowType", "purge_abandoned_wizards"));
            assertThat(otherType.status()).as("other job types are not held up").isEqualTo(202);
        } finally {
            holdJobs(owner, false);
        }

        assertThat(racing).filteredOn(reply -> reply.status() == 202).hasSize(1);
        assertThat(racing)
                .filteredOn(reply -> reply.status() == 409)
                .hasSize(5)
                .allSatisfy(reply -> assertThat(reply.errorCode()).isEqualTo("job_already_running"));
        awaitEnd(otherType.data().path("id").asText(), owner);
        Reply winner = racing.stream()
                .filter(reply -> reply.status() == 202)
                .findFirst()
                .orElseThrow();
        awaitEnd(winner.data().path("id").asText(), owner);
        Reply again = api.post("/api/v1/jobs", owner, Map.of("workflowType", "expire_keys"));
        assertThat(again.status()).as("the slot is free once the job ends").isEqualTo(202);
        awaitEnd(again.data().path("id").asText(), owner);
    }

    @Test
    void startingNeedsAKnownWorkflowType() {
        Credential.Bearer owner = api.owner();

        Reply missing = api.post("/api/v1/jobs", owner, Map.of());
        Reply unknown = api.post("/api/v1/jobs", owner, Map.of("workflowType", "mine_bitcoin"));

        assertThat(List.of(missing, unknown)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("unknown_workflow_type");
            assertThat(reply.json()
                            .path("errors")
                            .path(0)
                            .path("source")
                            .path("pointer")
                            .asText())
                    .isEqualTo("/workflowType");
        });
        assertThat(api.get("/api/v1/jobs/not-a-job", owner).status()).isEqualTo(404);
    }

    @Test
    void jobsArePagedNewestFirst() {
        Credential.Bearer owner = api.owner();
        String id = api.post("/api/v1/jobs", owner, Map.of("workflowType", "purge_abandoned_wizards"))
                .data()
                .path("id")
                .asText();
        awaitEnd(id, owner);

        Reply page = api.get("/api/v1/jobs?page[size]=1", owner);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data()).hasSize(1);
        assertThat(page.data().path(0).path("id").asText()).isEqualTo(id);
        assertThat(page.json().path("meta").path("page").path("total").asLong()).isPositive();
    }

    private long expiryActivitiesOf(String keyId, Credential owner) {
        Reply activities = api.get("/api/v1/activities?filter[type]=api_key.expired&page[size]=100", owner);
        assertThat(activities.status()).isEqualTo(200);
        return activities.data().findValues("subject").stream()
                .filter(subject -> subject.path("id").asText().equals(keyId))
                .count();
    }

    private void holdJobs(Credential.Bearer owner, boolean hold) {
        Reply reply = api.put("/api/v1/testing/job-gate", owner, Map.of("open", !hold));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Jobs run on a server thread; poll until this one has finished or failed. */
    private Reply awaitEnd(String id, Credential credential) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/v1/jobs/" + id, credential),
                        reply -> List.of("finished", "error")
                                .contains(reply.attributes().path("status").asText()));
    }
}
