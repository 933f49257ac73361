package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx means durable: many wizards complete at once, the server is killed with SIGKILL midway, and
 * after a restart on the same data directory every key whose acknowledgement answered 2xx works and
 * every local-db vault secret written with a 2xx is readable. This is the one test that starts a
 * server of its own, because it must kill it.
 */
class CrashDurabilityIT {
    private static final int WIZARDS = 160;
    private static final int CLIENTS = 24;
    /** The kill comes once this many acknowledgements have answered, with the rest still in flight. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 60;

    private static final int BUSY_RETRIES = 10;

    @TempDir
    Path scratch;

    /** What the first server confirmed with a 2xx. */
    private record Confirmed(Queue<Api.IssuedKey> keys, Queue<String> secretPaths) {}

    @Test
    void everyKeyAndVaultSecretConfirmedBeforeAKillSurvivesTheRestart() throws Exception {
        LatchkeyServer server = LatchkeyServer.startSeparate(scratch.resolve("data"), scratch.resolve("server.log"));
        try {
            Api api = new Api(server);
            Credential.Bearer owner = api.owner();
            String localVault = localVaultId(api, owner);
            Confirmed confirmed = completeWizardsUntilKilled(server, api, owner, localVault);
            assertThat(confirmed.keys())
                    .as("acknowledged before the kill")
                    .hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

            server = server.restart();
            Api restarted = new Api(server);
            Credential.Bearer ownerAgain = restarted.owner();
            List<String> lostKeys = new ArrayList<>();
            for (Api.IssuedKey key : confirmed.keys()) {
                Reply whoami = restarted.get("/api/v1/whoami", key.credential());
                if (whoami.status() != 200) {
                    Reply wizard = restarted.get("/api/v1/api-key-wizards/" + key.wizardId(), ownerAgain);
                    lostKeys.add(key.id() + " (whoami " + whoami.status() + ", wizard at "
                            + wizard.attributes().path("step").asText() + ")");
                }
            }
            List<String> lostSecrets = new ArrayList<>();
            for (String path : confirmed.secretPaths()) {
                Reply secret = restarted.get("/api/v1/vaults/" + localVault + "/secrets/" + path, ownerAgain);
                if (secret.status() != 200) {
                    lostSecrets.add(path + " (" + secret.status() + ")");
                }
            }
            SoftAssertions lost = new SoftAssertions();
            lost.assertThat(lostKeys)
                    .as("lost of %d acknowledged keys", confirmed.keys().size())
                    .isEmpty();
            lost.assertThat(lostSecrets)
                    .as(
                            "lost of %d vault secrets saved",
                            confirmed.secretPaths().size())
                    .isEmpty();
            lost.assertAll();
        } finally {
            server.close();
        }
    }

    /** Runs {@value #WIZARDS} wizards on {@value #CLIENTS} clients and kills the server once enough are acknowledged. */
    private static Confirmed completeWizardsUntilKilled(
            LatchkeyServer server, Api api, Credential.Bearer owner, String localVault)
            throws InterruptedException, ExecutionException, TimeoutException {
        Confirmed confirmed = new Confirmed(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        AtomicInteger finished = new AtomicInteger();
        // Completes once enough are acknowledged, or when every wizard has ended without that, so the test never waits
        // in vain.
        CompletableFuture<Void> killPoint = new CompletableFuture<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < WIZARDS; i++) {
                clients.execute(() -> {
                    try {
                        completeOneWizard(api, owner, localVault, confirmed);
                    } catch (RuntimeException | AssertionError e) {
                        // Cut off by the kill, or refused: not confirmed, so the test expects nothing of it.
                    }
                    if (confirmed.keys().size() >= KILL_AFTER_ACKNOWLEDGED || finished.incrementAndGet() == WIZARDS) {
                        killPoint.complete(null);
                    }
                });
            }
            killPoint.get(4, TimeUnit.MINUTES);
            server.crash();
        } finally {
            clients.shutdownNow();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES))
                    .as("clients stopped")
                    .isTrue();
        }
        return confirmed;
    }

    /** The wizard's steps as a client runs them, retrying a step the server answered 503 server_busy (its argon2 turns were all taken). */
    private static void completeOneWizard(Api api, Credential.Bearer owner, String localVault, Confirmed confirmed) {
        String wizard = "/api/v1/api-key-wizards/"
                + expect(201, () -> api.post("/api/v1/api-key-wizards", owner, null))
                        .data()
                        .path("id")
                        .asText();
        expect(
                200,
                () -> api.put(
                        wizard + "/details", owner, Map.of("name", "key " + UUID.randomUUID(), "expiration", "1d")));
        Reply scopes = expect(200, () -> api.put(wizard + "/scopes", owner, Map.of("scopes", List.of("read:users"))));
        String plaintext = scopes.attributes().path("apiKey").asText();
        Api.IssuedKey key = new Api.IssuedKey(
                scopes.attributes().path("apiKeyId").asText(),
                plaintext,
                wizard.substring(wizard.lastIndexOf('/') + 1));
        Reply saved = expect(
                201,
                () -> api.post(wizard + "/vault-secret", owner, Map.of("vaultId", localVault, "apiKey", plaintext)));
        confirmed
                .secretPaths()
                .add(saved.attributes().path("savedIn").path(0).path("path").asText());
        expect(200, () -> api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true)));
        confirmed.keys().add(key);
    }

    private static Reply expect(int status, Supplier<Reply> request) {
        Reply reply = request.get();
        for (int retry = 0;
                retry < BUSY_RETRIES
                        && reply.status() == 503
                        && reply.errorCode().equals("server_busy");
                retry++) {
            // No pause needed: the server itself holds a request up to two seconds waiting for a turn.
            reply = request.get();
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    private static String localVaultId(Api api, Credential.Bearer owner) {
        for (JsonNode vault : api.get("/api/v1/vaults", owner).data()) {
            if (vault.path("attributes").path("provider").asText().equals("local-db")) {
                return vault.path("id").asText();
            }
        }
        throw new AssertionError("no local-db vault out of the box");
    }
}
