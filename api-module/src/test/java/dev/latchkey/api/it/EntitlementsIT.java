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
class EntitlementsIT {
    private Api api;

    @BeforeEach
    void connect(LatchkeyServer server) {
        api = new Api(server);
    }

    @Test
    void anAdminSavesIntoAVaultOnlyWhileTheirTeamHoldsVaultWriter() {
        Credential.Bearer owner = api.owner();
        Credential.Bearer admin = api.newPerson("workspace_admin");
        JsonVault local = defaultVault(owner);
        Api.IssuedKey key = api.generate(admin, List.of("read:users"));
        String wizard = "/api/v1/api-key-wizards/" + key.wizardId();
        Map<String, String> save = Map.of("vaultId", local.id(), "apiKey", key.plaintext());

        assertThat(api.get(wizard + "/vault-options", admin).data())
                .as("no vault offered without the right")
                .isEmpty();
        Reply refused = api.post(wizard + "/vault-secret", admin, save);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("vault_writer_required");
        assertThat(refused.body()).doesNotContain(key.plaintext().substring(16));

        String team = api.post("/api/v1/teams", owner, Map.of("name", "Writers " + UUID.randomUUID()))
                .data()
                .path("id")
                .asText();
        api.post("/api/v1/teams/" + team + "/members", owner, Map.of("userId", api.userIdOf(admin)));
        Reply granted = api.post(
                entitlements(local), owner, Map.of("granteeType", "team", "granteeId", team, "role", "vault_writer"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);

        assertThat(api.get(wizard + "/vault-options", admin).data().findValuesAsText("id"))
                .contains(local.id());
        Reply saved = api.post(wizard + "/vault-secret", admin, save);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        Reply revoked =
                api.delete(entitlements(local) + "/" + granted.data().path("id").asText(), owner);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.post(wizard + "/vault-secret", admin, save).status()).isEqualTo(403);
    }

    @Test
    void keysReadWithReadIntegrationsAndGrantWithWriteIntegrations() {
        Credential.Bearer owner = api.owner();
        JsonVault local = defaultVault(owner);
        String userId = api.userIdOf(api.newPerson("workspace_user"));
        Credential reader = api.issue(owner, List.of("read:integrations")).credential();
        Credential writer = api.issue(owner, List.of("write:integrations")).credential();

        Reply granted = api.post(
                entitlements(local),
                writer,
                Map.of("granteeType", "user", "granteeId", userId, "role", "vault_reader"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        Reply listed = api.get(entitlements(local) + "?page[size]=100", reader);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data().findValuesAsText("id"))
                .contains(granted.data().path("id").asText());

        Reply again = api.post(
                entitlements(local),
                writer,
                Map.of("granteeType", "user", "granteeId", userId, "role", "vault_reader"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("entitlement_exists");
        Reply log = api.get("/api/v1/activities?filter[type]=entitlement.granted&page[size]=100", owner);
        assertThat(log.body()).contains(granted.data().path("id").asText());
    }

    @Test
    void badGrantsNameEveryField() {
        Credential.Bearer owner = api.owner();
        JsonVault local = defaultVault(owner);

        Reply empty = api.post(entitlements(local), owner, Map.of());
        Reply unknownGrantee = api.post(
                entitlements(local),
                owner,
                Map.of("granteeType", "team", "granteeId", UUID.randomUUID().toString(), "role", "vault_writer"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/granteeType", "/role");
        assertThat(unknownGrantee.status()).isEqualTo(400);
        assertThat(unknownGrantee.errorCode()).isEqualTo("unknown_grantee");
        assertThat(api.get("/api/v1/integrations/" + UUID.randomUUID() + "/entitlements", owner)
                        .status())
                .isEqualTo(404);
    }

    /** The vault every workspace gets on first start. */
    private JsonVault defaultVault(Credential owner) {
        Reply vaults = api.get("/api/v1/vaults", owner);
        for (var vault : vaults.data()) {
            if (vault.path("attributes").path("isDefault").asBoolean()) {
                return new JsonVault(
                        vault.path("id").asText(),
                        vault.path("attributes").path("integrationId").asText());
            }
        }
        throw new AssertionError("no default vault in " + vaults.body());
    }

    private static String entitlements(JsonVault vault) {
        return "/api/v1/integrations/" + vault.integrationId() + "/entitlements";
    }

    private record JsonVault(String id, String integrationId) {}
}
