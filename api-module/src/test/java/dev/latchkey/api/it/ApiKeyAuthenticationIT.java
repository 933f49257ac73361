package dev.latchkey.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.it.Api.Credential;
import dev.latchkey.api.it.Api.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LatchkeyServerExtension.class)
class ApiKeyAuthenticationIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void everyBadKeyGetsTheSame401() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey valid = api.issue(owner, List.of("read:users"));
        String unknown = "lk_" + "A".repeat(12) + valid.plaintext().substring(15);
        Api.IssuedKey pending = api.generate(owner, List.of("read:users"));

        List<Reply> refusals = List.of(
                api.get("/api/v1/whoami", Credential.NONE),
                api.get("/api/v1/whoami", Api.key("not-a-key")),
                api.get("/api/v1/whoami", Api.key(valid.plaintext().substring(0, 50) + "x")),
                api.get("/api/v1/whoami", Api.key(unknown)),
                api.get("/api/v1/whoami", pending.credential()));

        assertThat(refusals).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("unauthenticated");
            assertThat(reply.errorDetail()).isEqualTo(refusals.get(0).errorDetail());
        });
    }

    @Test
    void aKeyWithoutTheScopeGets403NamingIt() {
        Api.IssuedKey key = api.issue(api.owner(), List.of("read:users"));

        Reply refused = api.get("/api/v1/activities", key.credential());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("scope_required");
        assertThat(refused.errorDetail()).contains("read:activities");
        assertThat(api.get("/api/v1/users", key.credential()).status()).isEqualTo(200);
    }

    @Test
    void removedKeyIsRejectedOnNextRequest() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.issue(owner, List.of("read:users"));
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);

        Reply removed = api.delete("/api/v1/api-keys/" + key.id(), owner);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.attributes().path("status").asText()).isEqualTo("removed");
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/api-keys?filter[status]=removed&page[size]=100", owner)
                        .data()
                        .findValuesAsText("id"))
                .contains(key.id());
    }

    @Test
    void changedScopesApplyOnNextRequest() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.issue(owner, List.of("read:users"));
        assertThat(api.get("/api/v1/users", key.credential()).status()).isEqualTo(200);

        Reply changed = api.patch("/api/v1/api-keys/" + key.id(), owner, Map.of("scopes", List.of("read:activities")));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", key.credential()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/activities", key.credential()).status()).isEqualTo(200);
    }

    @Test
    void onlyTheCreatorChangesScopesAndOnlyCreatorOwnerOrSuperAdminRemoves() {
        Credential.Bearer admin = api.newPerson("workspace_admin");
        Credential.Bearer otherAdmin = api.newPerson("workspace_admin");
        Api.IssuedKey key = api.issue(admin, List.of("read:users"));

        Reply notCreator =
                api.patch("/api/v1/api-keys/" + key.id(), api.owner(), Map.of("scopes", List.of("read:users")));
        assertThat(notCreator.status()).isEqualTo(403);
        assertThat(notCreator.errorCode()).isEqualTo("not_key_owner");
        assertThat(api.delete("/api/v1/api-keys/" + key.id(), otherAdmin).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/api-keys/" + key.id(), api.owner()).status())
                .isEqualTo(200);
    }

    @Test
    void demotedOrDisabledOwnersKeyStopsAtOnce() {
        Credential.Bearer admin = api.newPerson("workspace_admin");
        String adminId = api.userIdOf(admin);
        Api.IssuedKey key = api.issue(admin, List.of("read:users"));
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + adminId, api.owner(), Map.of("role", "workspace_user"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(401);

        assertThat(api.patch("/api/v1/users/" + adminId, api.owner(), Map.of("role", "workspace_admin"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + adminId, api.owner(), Map.of("disabled", true))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/whoami", admin).status())
                .as("a disabled person's session ends too")
                .isEqualTo(401);
    }

    @Test
    void expiredKeyFails() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.issue(owner, List.of("read:users"));
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);

        api.advanceClock(24 * 3600 + 1);

        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/api-keys/" + key.id(), api.owner())
                        .attributes()
                        .path("status")
                        .asText())
                .isEqualTo("expired");
    }

    @Test
    void expiredKeysScopesAreFinal() {
        Api.IssuedKey key = api.issue(api.owner(), List.of("read:users"), "1h");
        api.advanceClock(3600 + 1);
        Credential.Bearer owner = api.owner();

        Reply changed = api.patch("/api/v1/api-keys/" + key.id(), owner, Map.of("scopes", List.of("read:activities")));

        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.errorCode()).isEqualTo("api_key_not_changeable");
        assertThat(api.get("/api/v1/api-keys/" + key.id(), owner)
                        .attributes()
                        .path("scopes")
                        .toString())
                .contains("read:users")
                .doesNotContain("read:activities");
    }

    @Test
    void tenFailuresOnOneKeyIdFromOneAddressAreThrottledWithRetryAfterForThatAddressOnly() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey inUse = api.issue(owner, List.of("read:users"));
        Api.IssuedKey unused = api.issue(owner, List.of("read:users"));
        assertThat(api.get("/api/v1/whoami", inUse.credential()).status()).isEqualTo(200);
        String wrongForInUse = wrongSecretFor(inUse.plaintext());
        String wrongForUnused = wrongSecretFor(unused.plaintext());

        Api attacker = api.from(Api.testNetAddress());

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(attacker.get("/api/v1/whoami", Api.key(wrongForInUse)).status())
                    .as("attempt " + attempt)
                    .isEqualTo(401);
            assertThat(attacker.get("/api/v1/whoami", Api.key(wrongForUnused)).status())
                    .as("attempt " + attempt)
                    .isEqualTo(401);
        }
        Reply throttled = attacker.get("/api/v1/whoami", Api.key(wrongForInUse));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("too_many_attempts");
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(attacker.get("/api/v1/whoami", inUse.credential()).status())
                .as("a client already using the right key is not locked out by someone guessing")
                .isEqualTo(200);
        assertThat(attacker.get("/api/v1/whoami", unused.credential()).status())
                .as("from the guessing address, a key not yet verified waits out the window")
                .isEqualTo(429);
        assertThat(api.get("/api/v1/whoami", unused.credential()).status())
                .as("from another address the right key is checked and works")
                .isEqualTo(200);
    }

    @Test
    void activitiesRecordFailedAuthenticationByKeyIdOnly() {
        Api.IssuedKey key = api.issue(api.owner(), List.of("read:activities"));
        String wrongSecret = wrongSecretFor(key.plaintext());
        assertThat(api.get("/api/v1/whoami", Api.key(wrongSecret)).status()).isEqualTo(401);

        Reply failures =
                api.get("/api/v1/activities?filter[type]=api_key.authentication_failed&page[size]=100", api.owner());

        assertThat(failures.status()).isEqualTo(200);
        assertThat(failures.data().findValuesAsText("id")).isNotEmpty();
        assertThat(failures.body())
                .contains(key.id())
                .doesNotContain(wrongSecret.substring(16, 48))
                .doesNotContain(key.plaintext().substring(16, 48));
    }

    @Test
    void lastUsedAtIsWrittenAtMostOnceAMinute() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.issue(owner, List.of("read:users"));
        String path = "/api/v1/api-keys/" + key.id();
        assertThat(api.get(path, owner).attributes().has("lastUsedAt")).isFalse();

        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        String first = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.get(path, owner)
                                .attributes()
                                .path("lastUsedAt")
                                .asText(),
                        used -> !used.isEmpty());

        api.advanceClock(30);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        assertThat(api.get(path, owner).attributes().path("lastUsedAt").asText())
                .as("a use within the minute is not written")
                .isEqualTo(first);

        api.advanceClock(31);
        assertThat(api.get("/api/v1/whoami", key.credential()).status()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(
                        () -> api.get(path, owner)
                                .attributes()
                                .path("lastUsedAt")
                                .asText(),
                        used -> !used.equals(first));
    }

    /** The same key id with a different secret and a correct checksum: only the hash can reject it. */
    static String wrongSecretFor(String plaintext) {
        String body = plaintext.substring(0, 16) + new StringBuilder(plaintext.substring(16, 48)).reverse();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        long value = crc.getValue();
        char[] checksum = new char[6];
        for (int i = 5; i >= 0; i--) {
            checksum[i] = alphabet.charAt((int) (value % 62));
            value /= 62;
        }
        return body + new String(checksum);
    }
}
