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
class ItemsIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void aSecretsValueIsShownOnlyToItsOwnerAndOnlyWhenReadOne() {
        Credential.Bearer owner = api.owner();
        String value = "sk_live_" + UUID.randomUUID();
        Reply created = api.post(
                "/api/v1/secrets",
                owner,
                Map.of("vaultId", defaultVault(owner), "title", "Stripe", "category", "payments", "value", value));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(value);
        String secret = "/api/v1/secrets/" + created.data().path("id").asText();

        Reply read = api.get(secret, owner);
        assertThat(read.attributes().path("value").asText()).isEqualTo(value);
        assertThat(read.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Reply byKey = api.get(secret, api.issue(owner, List.of("read:items")).credential());
        assertThat(byKey.attributes().path("value").asText())
                .as("read:items covers secrets")
                .isEqualTo(value);

        Reply listed = api.get("/api/v1/secrets?page[size]=100", owner);
        assertThat(listed.data().findValuesAsText("id"))
                .contains(created.data().path("id").asText());
        assertThat(listed.body()).doesNotContain(value);

        Credential.Bearer admin = api.newPerson("workspace_admin");
        assertThat(api.get(secret, admin).status())
                .as("an administrator does not see others' items")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/secrets?page[size]=100", admin).body()).doesNotContain(secret.substring(16));
        assertThat(api.get("/api/v1/activities?filter[type]=item.created&page[size]=100", owner)
                        .body())
                .contains(created.data().path("id").asText())
                .doesNotContain(value);
    }

    @Test
    void anAccountSharedWithATeamIsReadByItsMembers() {
        Credential.Bearer owner = api.owner();
        Credential.Bearer member = api.newPerson("workspace_user");
        String team = api.post("/api/v1/teams", owner, Map.of("name", "Build " + UUID.randomUUID()))
                .data()
                .path("id")
                .asText();
        api.post("/api/v1/teams/" + team + "/members", owner, Map.of("userId", api.userIdOf(member)));
        String password = "pw-" + UUID.randomUUID();

        Reply created = api.post(
                "/api/v1/accounts",
                owner,
                Map.of(
                        "vaultId",
                        defaultVault(owner),
                        "application",
                        "GitHub",
                        "label",
                        "ci bot",
                        "url",
                        "https://github.com/login",
                        "username",
                        "ci-bot",
                        "password",
                        password,
                        "sharedWithTeamIds",
                        List.of(team)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String account = "/api/v1/accounts/" + created.data().path("id").asText();

        Reply seen = api.get(account, member);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.attributes().path("username").asText()).isEqualTo("ci-bot");
        assertThat(seen.body()).doesNotContain(password);
        Reply secrets = api.get(account + "/secrets?filter[secretType]=password", member);
        assertThat(secrets.data().path(0).path("attributes").path("value").asText())
                .isEqualTo(password);
        assertThat(api.get(account + "/secrets?filter[secretType]=pin", member).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/secrets/" + created.data().path("id").asText(), owner)
                        .status())
                .as("an account is not a secret")
                .isEqualTo(404);
    }

    @Test
    void aKeySavedByTheWizardShowsUpAmongItsStartersSecrets() {
        Credential.Bearer owner = api.owner();
        Api.IssuedKey key = api.generate(owner, List.of("read:users"));
        Reply saved = api.post(
                "/api/v1/api-key-wizards/" + key.wizardId() + "/vault-secret",
                owner,
                Map.of("vaultId", defaultVault(owner), "apiKey", key.plaintext()));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        Reply listed = api.get("/api/v1/secrets?page[size]=100", owner);

        String path = saved.attributes().path("savedIn").path(0).path("path").asText();
        assertThat(listed.data().findValues("stored"))
                .anySatisfy(stored -> assertThat(stored.path("path").asText()).isEqualTo(path));
        assertThat(listed.body()).doesNotContain(key.plaintext().substring(16));

        String secretId = java.util.stream.StreamSupport.stream(listed.data().spliterator(), false)
                .filter(secret -> secret.path("attributes")
                        .path("stored")
                        .path("path")
                        .asText()
                        .equals(path))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        Reply read = api.get("/api/v1/secrets/" + secretId, owner);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.attributes().path("category").asText()).isEqualTo("api_key");
        assertThat(read.attributes().has("value"))
                .as("a plaintext key is shown once, by the wizard")
                .isFalse();
        assertThat(read.body()).doesNotContain(key.plaintext().substring(16));
    }

    @Test
    void aCollectionGroupsItsOwnersItemsAndKeysWithReadItemsReadIt() {
        Credential.Bearer owner = api.owner();
        String secretId = api.post(
                        "/api/v1/secrets",
                        owner,
                        Map.of(
                                "vaultId",
                                defaultVault(owner),
                                "title",
                                "Grouped",
                                "category",
                                "misc",
                                "value",
                                "v-" + UUID.randomUUID()))
                .data()
                .path("id")
                .asText();
        Reply created = api.post("/api/v1/collections", owner, Map.of("name", "Payments " + UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String collection = "/api/v1/collections/" + created.data().path("id").asText();

        Reply added = api.post(collection + "/items", owner, Map.of("itemId", secretId));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.attributes().path("items").findValuesAsText("id")).containsExactly(secretId);
        assertThat(api.post(collection + "/items", owner, Map.of("itemId", secretId))
                        .status())
                .isEqualTo(409);

        Reply byKey =
                api.get(collection, api.issue(owner, List.of("read:items")).credential());
        assertThat(byKey.attributes().path("items").findValuesAsText("title")).containsExactly("Grouped");
        Credential.Bearer other = api.newPerson("workspace_admin");
        assertThat(api.get(collection, other).status()).isEqualTo(404);
        Reply foreign = api.post("/api/v1/collections", other, Map.of("name", "Mine"));
        assertThat(api.post(
                                "/api/v1/collections/"
                                        + foreign.data().path("id").asText() + "/items",
                                other,
                                Map.of("itemId", secretId))
                        .errorCode())
                .isEqualTo("unknown_item");

        Reply removed = api.delete(collection + "/items/" + secretId, owner);
        assertThat(removed.attributes().path("items")).isEmpty();
    }

    @Test
    void badItemsNameEveryField() {
        Credential.Bearer owner = api.owner();

        Reply secret = api.post("/api/v1/secrets", owner, Map.of());
        Reply account = api.post(
                "/api/v1/accounts",
                owner,
                Map.of(
                        "vaultId",
                        UUID.randomUUID().toString(),
                        "application",
                        "GitHub",
                        "username",
                        "me",
                        "url",
                        "not a url",
                        "password",
                        "x"));

        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.json().path("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/vaultId", "/title", "/category", "/value");
        assertThat(account.json().path("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/vaultId", "/url");
    }

    private String defaultVault(Credential owner) {
        for (var vault : api.get("/api/v1/vaults", owner).data()) {
            if (vault.path("attributes").path("isDefault").asBoolean()) {
                return vault.path("id").asText();
            }
        }
        throw new AssertionError("no default vault");
    }
}
