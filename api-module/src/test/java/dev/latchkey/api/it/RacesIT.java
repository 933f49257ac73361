package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many requests that compete for one thing at the same moment: exactly one wins, every other gets the 4xx that a
 * later, sequential request would get, none a 500, and the data agrees with the winner afterwards.
 */
@ExtendWith(LatchkeyServerExtension.class)
class RacesIT {
    private LatchkeyServer server;
    private Api api;
    private Credential.Bearer owner;
    private long incidentsBefore;

    @BeforeEach
    void connect(LatchkeyServer server) {
        this.server = server;
        api = new Api(server);
        owner = api.owner();
        incidentsBefore = incidents();
    }

    @AfterEach
    void noLoserWasAnIncident() {
        assertThat(incidents()).as("unexpected failures logged by the server").isEqualTo(incidentsBefore);
    }

    private long incidents() {
        return server.log()
                .lines()
                .filter(line -> line.contains("Unexpected failure"))
                .count();
    }

    @Test
    void oneOfFiftyConcurrentAcknowledgementsWinsAndTheRestAreStepConflicts() {
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();

        List<Reply> replies =
                concurrently(50, i -> api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true)));

        assertThat(outcomes(replies)).isEqualTo(Map.of("200", 1L, "409 wizard_step_conflict", 49L));
        assertThat(api.get(wizard, owner).attributes().path("step").asText()).isEqualTo("acknowledged");
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/activities?filter[type]=api_key.acknowledged&page[size]=100", owner)
                        .data())
                .filteredOn(activity -> activity.path("attributes")
                        .path("subject")
                        .path("id")
                        .asText()
                        .equals(key.id()))
                .hasSize(1);
    }

    @Test
    void oneOfTwentyConcurrentScopeSubmissionsGeneratesTheKeyAndTheRestAreStepConflicts() {
        String wizardId = api.post("/api/v1/api-key-wizards", owner, null)
                .data()
                .path("id")
                .asText();
        String wizard = "/api/v1/api-key-wizards/" + wizardId;
        assertThat(api.put(wizard + "/details", owner, Map.of("name", "race " + UUID.randomUUID(), "expiration", "1d"))
                        .status())
                .isEqualTo(200);

        List<Reply> replies =
                concurrently(20, i -> api.put(wizard + "/scopes", owner, Map.of("scopes", List.of("read:users"))));

        assertThat(outcomes(replies)).isEqualTo(Map.of("200", 1L, "409 wizard_step_conflict", 19L));
        Reply winner = replies.stream()
                .filter(reply -> reply.status() == 200)
                .findFirst()
                .orElseThrow();
        Reply stored = api.get(wizard, owner);
        assertThat(stored.attributes().path("step").asText()).isEqualTo("store");
        assertThat(stored.attributes().path("apiKeyId").asText())
                .isEqualTo(winner.attributes().path("apiKeyId").asText());
        assertThat(api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(
                                "/api/v1/whoami",
                                Api.key(winner.attributes().path("apiKey").asText()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void oneOfThirtyWizardsWithOneNameGeneratesAKeyAndTheRestAreToldTheNameIsTaken() {
        String name = "contested " + UUID.randomUUID();
        List<String> wizards = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = api.post("/api/v1/api-key-wizards", owner, null)
                    .data()
                    .path("id")
                    .asText();
            assertThat(api.put(
                                    "/api/v1/api-key-wizards/" + id + "/details",
                                    owner,
                                    Map.of("name", name, "expiration", "1d"))
                            .status())
                    .isEqualTo(200);
            wizards.add("/api/v1/api-key-wizards/" + id);
        }

        List<Reply> replies = concurrently(
                30, i -> api.put(wizards.get(i) + "/scopes", owner, Map.of("scopes", List.of("read:users"))));

        assertThat(outcomes(replies)).isEqualTo(Map.of("200", 1L, "400 name_taken", 29L));
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 400)
                .allSatisfy(reply -> assertThat(reply.json()
                                .path("errors")
                                .path(0)
                                .path("source")
                                .path("pointer")
                                .asText())
                        .isEqualTo("/name"));
        assertThat(wizards.stream()
                        .map(wizard ->
                                api.get(wizard, owner).attributes().path("step").asText()))
                .containsOnly("scopes", "store")
                .filteredOn("store"::equals)
                .hasSize(1);
        assertThat(server.log())
                .as("a refusal is a 400, not a logged database failure")
                .doesNotContain(name);
    }

    @Test
    void oneOfTwentyConcurrentSignUpsWithOneEmailCreatesTheUser() {
        String email = "race-" + UUID.randomUUID() + "@latchkey.test";

        List<Reply> replies = concurrently(
                20,
                i -> api.post(
                        "/api/v1/users",
                        owner,
                        Map.of(
                                "email",
                                email,
                                "name",
                                "Racer " + i,
                                "role",
                                "workspace_user",
                                "password",
                                "a-long-enough-password-" + i)));

        assertThat(outcomes(replies)).isEqualTo(Map.of("201", 1L, "400 email_taken", 19L));
        assertThat(api.get("/api/v1/users?filter[search]=" + email, owner).data())
                .hasSize(1);
        assertThat(server.log())
                .as("a refusal is a 400, not a logged database failure")
                .doesNotContain(email);
    }

    @Test
    void oneOfTwentyConcurrentVaultsWithOneNameIsCreated() {
        String integration = existingIntegration();
        String tag = UUID.randomUUID().toString();
        String name = "Race vault " + tag;

        List<Reply> replies = concurrently(
                20,
                i -> api.post(
                        "/api/v1/vaults",
                        owner,
                        Map.of(
                                "name",
                                i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT),
                                "integrationId",
                                integration)));

        assertThat(outcomes(replies)).isEqualTo(Map.of("201", 1L, "400 name_taken", 19L));
        assertThat(api.get("/api/v1/vaults", owner).data())
                .filteredOn(
                        vault -> vault.path("attributes").path("name").asText().equalsIgnoreCase(name))
                .hasSize(1);
        assertThat(server.log())
                .as("a refusal is a 400, not a logged database failure")
                .doesNotContain(tag);
    }

    @Test
    void oneOfTwentyConcurrentTeamsWithOneNameIsCreated() {
        String tag = UUID.randomUUID().toString();
        String name = "Race team " + tag;

        List<Reply> replies = concurrently(
                20,
                i -> api.post(
                        "/api/v1/teams",
                        owner,
                        Map.of("name", i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT))));

        assertThat(outcomes(replies)).isEqualTo(Map.of("201", 1L, "400 name_taken", 19L));
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 400)
                .allSatisfy(reply -> assertThat(reply.json()
                                .path("errors")
                                .path(0)
                                .path("source")
                                .path("pointer")
                                .asText())
                        .isEqualTo("/name"));
        assertThat(api.get("/api/v1/teams?filter[search]=" + tag, owner).data())
                .filteredOn(
                        team -> team.path("attributes").path("name").asText().equalsIgnoreCase(name))
                .hasSize(1);
        assertThat(server.log())
                .as("a refusal is a 400, not a logged database failure")
                .doesNotContain(tag);
    }

    @Test
    void oneOfTwentyConcurrentIntegrationsWithOneNameIsCreated() {
        String tag = UUID.randomUUID().toString();
        String name = "Race integration " + tag;

        List<Reply> replies = concurrently(
                20,
                i -> api.post(
                        "/api/v1/integrations",
                        owner,
                        Map.of(
                                "type",
                                "local-db",
                                "name",
                                i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT),
                                "config",
                                Map.of())));

        assertThat(outcomes(replies)).isEqualTo(Map.of("201", 1L, "400 name_taken", 19L));
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 400)
                .allSatisfy(reply -> assertThat(reply.json()
                                .path("errors")
                                .path(0)
                                .path("source")
                                .path("pointer")
                                .asText())
                        .isEqualTo("/name"));
        assertThat(api.get("/api/v1/integrations", owner).data())
                .filteredOn(integration ->
                        integration.path("attributes").path("name").asText().equalsIgnoreCase(name))
                .hasSize(1);
        assertThat(server.log())
                .as("a refusal is a 400, not a logged database failure")
                .doesNotContain(tag);
    }

    private String existingIntegration() {
        return api.get("/api/v1/vaults", owner)
                .data()
                .path(0)
                .path("attributes")
                .path("integrationId")
                .asText();
    }

    /** Sends {@code count} requests that are all released at once, and waits for every reply. */
    private static List<Reply> concurrently(int count, IntFunction<Reply> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** "201", "409 wizard_step_conflict": each status, with the error code when there is one, and how often. */
    private static Map<String, Long> outcomes(List<Reply> replies) {
        return replies.stream()
                .collect(Collectors.groupingBy(
                        reply -> reply.status() < 300
                                ? Integer.toString(reply.status())
                                : reply.status() + " " + reply.errorCode(),
                        Collectors.counting()));
    }
}
