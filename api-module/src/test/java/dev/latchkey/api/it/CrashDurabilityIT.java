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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @TempDir
    Path scratch;

    /** What the first server confirmed with a 2xx. */
    private record Confirmed(Queue<Api.IssuedKey> keys, Queue<String> secretPaths) {
    }

    @Test
    void everyKeyAndVaultSecretConfirmedBeforeAKillSurvivesTheRestart() throws InterruptedException {
        LatchkeyServer server = LatchkeyServer.startSeparate(scratch.resolve("data"), scratch.resolve("server.log"));
        try {
            Api api = new Api(server);
            Credential.Bearer owner = api.owner();
            String localVault = localVaultId(api, owner);
            Confirmed confirmed = completeWizardsUntilKilled(server, api, owner, localVault);
            assertThat(confirmed.keys()).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

            server = server.restart();
            Api restarted = new Api(server);
            Credential.Bearer ownerAgain = restarted.owner();
            List<String> lostKeys = new ArrayList<>();
            for (Api.IssuedKey key : confirmed.keys()) {
                Reply whoami = restarted.get("/api/v1/whoami", key.credential());
                if (whoami.status() != 200) {
                    Reply wizard = restarted.get("/api/v1/api-key-wizards/" + key.wizardId(), ownerAgain);
                    lostKeys.add(key.id() + " (whoami " + whoami.status() + ", wizard at " + wizard.attributes().path("step").asText() + ")");
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
            lost.assertThat(lostKeys).as("lost of %d acknowledged keys", confirmed.keys().size()).isEmpty();
            lost.assertThat(lostSecrets).as("lost of %d vault secrets saved", confirmed.secretPaths().size()).isEmpty();
            lost.assertAll();
        } finally {
            server.close();
        }
    }

    /** Runs {@value #WIZARDS} wizards on {@value #CLIENTS} clients and kills the server once enough are acknowledged. */
    private static Confirmed completeWizardsUntilKilled(LatchkeyServer server, Api api, Credential.Bearer owner, String localVault)
            throws InterruptedException {
        Confirmed confirmed = new Confirmed(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        CountDownLatch enoughAcknowledged = new CountDownLatch(KILL_AFTER_ACKNOWLEDGED);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < WIZARDS; i++) {
                clients.execute(() -> {
                    try {
                        completeOneWizard(api, owner, localVault, confirmed);
                        enoughAcknowledged.countDown();
                    } catch (RuntimeException | AssertionError e) {
                        // Cut off by the kill, or refused: not confirmed, so the test expects nothing of it.
                    }
                });
            }
            assertThat(enoughAcknowledged.await(3, TimeUnit.MINUTES)).as("wizards acknowledged in time").isTrue();
            server.crash();
        } finally {
            clients.shutdownNow();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("clients stopped").isTrue();
        }
        return confirmed;
    }

    private static void completeOneWizard(Api api, Credential.Bearer owner, String localVault, Confirmed confirmed) {
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();
        Reply saved = api.post(wizard + "/vault-secret", owner, Map.of("vaultId", localVault, "apiKey", key.plaintext()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        confirmed.secretPaths().add(saved.attributes().path("savedIn").path(0).path("path").asText());
        Reply acknowledged = api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true));
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        confirmed.keys().add(key);
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
