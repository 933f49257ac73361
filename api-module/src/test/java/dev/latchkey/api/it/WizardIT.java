package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class WizardIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void walksTheWholeWizardAndTheKeyWorksOnlyAfterAcknowledgement() {
        Credential.Bearer owner = api.owner();
        Reply started = api.post("/api/v1/api-key-wizards", owner, null);
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.attributes().path("step").asText()).isEqualTo("details");
        String wizard = "/api/v1/api-key-wizards/" + started.data().path("id").asText();

        String name = "Journey " + UUID.randomUUID();
        Reply details = api.put(wizard + "/details", owner, Map.of("name", "  " + name + "  ", "expiration", "5d"));
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.attributes().path("step").asText()).isEqualTo("scopes");
        assertThat(details.attributes().path("name").asText()).isEqualTo(name);

        Reply back = api.post(wizard + "/back", owner, null);
        assertThat(back.attributes().path("step").asText()).isEqualTo("details");
        assertThat(api.put(wizard + "/details", owner, Map.of("name", name, "expiration", "1h"))
                        .status())
                .isEqualTo(200);

        Reply stored = api.put(wizard + "/scopes", owner, Map.of("scopes", List.of("read:users", "read:activities")));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.attributes().path("step").asText()).isEqualTo("store");
        assertThat(stored.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String plaintext = stored.attributes().path("apiKey").asText();
        String keyId = stored.attributes().path("apiKeyId").asText();
        assertThat(plaintext).matches("lk_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}").startsWith("lk_" + keyId + "_");
        assertThat(stored.attributes().path("maskedKey").asText()).isEqualTo("lk_" + keyId + "_…");

        Reply fetched = api.get(wizard, owner);
        assertThat(fetched.attributes().path("step").asText()).isEqualTo("store");
        assertThat(fetched.body()).doesNotContain(plaintext.substring(16));
        assertThat(fetched.attributes().has("apiKey")).isFalse();

        assertThat(api.get("/api/v1/whoami", Api.key(plaintext)).status())
                .as("an unacknowledged key never works")
                .isEqualTo(401);

        Reply acknowledged = api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.attributes().path("step").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.body()).doesNotContain(plaintext.substring(16));

        Reply whoami = api.get("/api/v1/whoami", Api.key(plaintext));
        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.attributes().path("apiKeyId").asText()).isEqualTo(keyId);
        assertThat(whoami.attributes().path("email").asText()).isEqualTo(LatchkeyServer.OWNER_EMAIL);
        assertThat(whoami.attributes().path("scopes"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("read:users", "read:activities");
        assertThat(api.get("/api/v1/users", Api.key(plaintext)).status()).isEqualTo(200);
        Reply activities = api.get("/api/v1/activities?filter[type]=api_key.acknowledged", Api.key(plaintext));
        assertThat(activities.status()).isEqualTo(200);
        assertThat(activities.data().findValuesAsText("id")).isNotEmpty();

        Reply listed = api.get("/api/v1/api-keys/" + keyId, owner);
        assertThat(listed.attributes().path("status").asText()).isEqualTo("active");
        assertThat(listed.attributes().path("name").asText()).isEqualTo(name);
        assertThat(listed.attributes().path("createdBy").path("email").asText()).isEqualTo(LatchkeyServer.OWNER_EMAIL);
    }

    @Test
    void movesOutOfOrderAreConflictsNamingTheCurrentStep() {
        Credential.Bearer owner = api.owner();
        String wizard = "/api/v1/api-key-wizards/"
                + api.post("/api/v1/api-key-wizards", owner, null)
                        .data()
                        .path("id")
                        .asText();

        Reply scopesFirst = api.put(wizard + "/scopes", owner, Map.of("scopes", List.of("read:users")));
        assertThat(scopesFirst.status()).isEqualTo(409);
        assertThat(scopesFirst.errorCode()).isEqualTo("wizard_step_conflict");
        assertThat(scopesFirst
                        .json()
                        .path("errors")
                        .path(0)
                        .path("meta")
                        .path("currentStep")
                        .asText())
                .isEqualTo("details");
        assertThat(scopesFirst.errorDetail()).contains("details");

        assertThat(api.post(wizard + "/back", owner, null).status()).isEqualTo(409);
        assertThat(api.post(wizard + "/acknowledgement", owner, Map.of("storedSafely", true))
                        .status())
                .isEqualTo(409);

        api.put(wizard + "/details", owner, Map.of("name", "Out of order " + UUID.randomUUID(), "expiration", "1d"));
        Reply detailsTwice = api.put(wizard + "/details", owner, Map.of("name", "again", "expiration", "1d"));
        assertThat(detailsTwice.status()).isEqualTo(409);
        assertThat(detailsTwice
                        .json()
                        .path("errors")
                        .path(0)
                        .path("meta")
                        .path("currentStep")
                        .asText())
                .isEqualTo("scopes");
    }

    @Test
    void invalidDetailsListEveryBadFieldAtOnce() {
        Credential.Bearer owner = api.owner();
        String wizard = "/api/v1/api-key-wizards/"
                + api.post("/api/v1/api-key-wizards", owner, null)
                        .data()
                        .path("id")
                        .asText();

        Reply reply =
                api.put(wizard + "/details", owner, Map.of("name", "   ", "expiration", "2w", "expiresAt", "tomorrow"));

        assertThat(reply.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        reply.json().path("errors").forEach(error -> {
            assertThat(error.path("status").asInt()).isEqualTo(400);
            assertThat(error.path("detail").asText()).isNotBlank();
            pointers.add(error.path("source").path("pointer").asText());
        });
        assertThat(pointers).containsExactlyInAnyOrder("/name", "/expiration", "/expiresAt");
        assertThat(api.get(wizard, owner).attributes().path("step").asText()).isEqualTo("details");
    }

    @Test
    void customExpiryMustBeAtLeastFiveMinutesAheadAndNamesAreUnique() {
        Credential.Bearer owner = api.owner();
        String wizard = "/api/v1/api-key-wizards/"
                + api.post("/api/v1/api-key-wizards", owner, null)
                        .data()
                        .path("id")
                        .asText();
        Instant serverNow = Instant.parse(api.post("/api/v1/testing/clock", owner, Map.of("seconds", 0))
                .attributes()
                .path("now")
                .asText());

        Reply tooSoon = api.put(
                wizard + "/details",
                owner,
                Map.of(
                        "name",
                        "Soon " + UUID.randomUUID(),
                        "expiration",
                        "custom",
                        "expiresAt",
                        serverNow.plus(2, ChronoUnit.MINUTES).toString()));
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.errorCode()).isEqualTo("expires_at_too_soon");

        Reply missing = api.put(wizard + "/details", owner, Map.of("name", "Soon", "expiration", "custom"));
        assertThat(missing.errorCode()).isEqualTo("expires_at_required");

        Api.IssuedKey existing = api.issue(owner, List.of("read:users"));
        String existingName = api.get("/api/v1/api-keys/" + existing.id(), owner)
                .attributes()
                .path("name")
                .asText();
        Reply taken =
                api.put(wizard + "/details", owner, Map.of("name", existingName.toUpperCase(), "expiration", "1d"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.errorCode()).isEqualTo("name_taken");

        Instant custom = serverNow.plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Reply ok = api.put(
                wizard + "/details",
                owner,
                Map.of("name", "Custom " + UUID.randomUUID(), "expiration", "custom", "expiresAt", custom.toString()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(Instant.parse(ok.attributes().path("customExpiresAt").asText()))
                .isEqualTo(custom);
    }

    @Test
    void cancellingDestroysTheGeneratedKey() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey generated = api.generate(owner, List.of("read:users"));

        Reply cancelled = api.delete("/api/v1/api-key-wizards/" + generated.wizardId(), owner);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.attributes().path("step").asText()).isEqualTo("cancelled");
        assertThat(api.get("/api/v1/api-keys/" + generated.id(), owner).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/whoami", generated.credential()).status()).isEqualTo(401);
        assertThat(api.post(
                                "/api/v1/api-key-wizards/" + generated.wizardId() + "/acknowledgement",
                                owner,
                                Map.of("storedSafely", true))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void acknowledgementNeedsStoredSafely() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey generated = api.generate(owner, List.of("read:users"));

        Reply reply = api.post(
                "/api/v1/api-key-wizards/" + generated.wizardId() + "/acknowledgement",
                owner,
                Map.of("storedSafely", false));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()
                        .path("errors")
                        .path(0)
                        .path("source")
                        .path("pointer")
                        .asText())
                .isEqualTo("/storedSafely");
        assertThat(api.get("/api/v1/whoami", generated.credential()).status()).isEqualTo(401);
    }

    @Test
    void anotherPersonsWizardIsNotFound() {
        Credential.Bearer owner = api.owner();
        Credential.Bearer admin = api.newPerson("workspace_admin");
        String wizardId = api.post("/api/v1/api-key-wizards", owner, null)
                .data()
                .path("id")
                .asText();

        assertThat(api.get("/api/v1/api-key-wizards/" + wizardId, admin).status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/api-key-wizards/" + wizardId + "/details",
                                admin,
                                Map.of("name", "x", "expiration", "1d"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/api-key-wizards/not-a-uuid", owner).status())
                .isEqualTo(404);
    }

    @Test
    void plainUsersCannotStartTheWizardAndKeysCannotManageKeys() {
        Credential.Bearer user = api.newPerson("workspace_user");
        Reply refused = api.post("/api/v1/api-key-wizards", user, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorDetail()).contains("workspace_admin");
        assertThat(api.get("/api/v1/api-keys", user).status()).isEqualTo(403);

        Api.IssuedKey key = api.issue(api.owner(), List.of("read:users", "read:activities"));
        Reply withKey = api.post("/api/v1/api-key-wizards", key.credential(), null);
        assertThat(withKey.status()).isEqualTo(403);
        assertThat(withKey.errorCode()).isEqualTo("bearer_token_required");
        assertThat(api.get("/api/v1/api-keys", key.credential()).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/api-keys/" + key.id(), key.credential()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/api-key-wizards", Credential.NONE, null).status())
                .isEqualTo(401);
    }

    @Test
    void anUnfinishedWizardExpiresAfterItsTimeout() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey generated = api.generate(owner, List.of("read:users"));

        api.advanceClock(16 * 60);

        Credential.Bearer again = api.owner();
        Reply late = api.post(
                "/api/v1/api-key-wizards/" + generated.wizardId() + "/acknowledgement",
                again,
                Map.of("storedSafely", true));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("wizard_expired");
        assertThat(api.get("/api/v1/api-key-wizards/" + generated.wizardId(), again)
                        .attributes()
                        .path("step")
                        .asText())
                .isEqualTo("expired");
        assertThat(api.get("/api/v1/whoami", generated.credential()).status()).isEqualTo(401);
    }
}
