package dev.latchkey.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.VerifiedKey;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.session.BearerToken;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What whoami tells a caller it may do is exactly what the table lets that caller through. */
class PermissionTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @ParameterizedTest
    @EnumSource(Role.class)
    void aPersonIsGrantedExactlyTheRowsTheirRolePasses(Role role) {
        var granted = Permission.grantedTo(person(role));

        assertThat(granted).isSorted();
        for (Permission permission : Permission.values()) {
            boolean passes =
                    !permission.rule().open() && permission.rule().roles().contains(role);
            assertThat(granted.contains(permission.wireName()))
                    .as(role + " " + permission)
                    .isEqualTo(passes);
        }
        assertThat(granted.contains(Permission.REMOVE_OTHERS_API_KEYS)).isEqualTo(role.mayRemoveOthersKeys());
    }

    @Test
    void aPlainUserIsNotGrantedTheKeysTableOrTheWizard() {
        assertThat(Permission.grantedTo(person(Role.WORKSPACE_USER)))
                .contains("whoami", "list_secrets")
                .doesNotContain("list_api_keys", "start_wizard", "list_users", Permission.REMOVE_OTHERS_API_KEYS);
        assertThat(Permission.grantedTo(person(Role.WORKSPACE_ADMIN)))
                .contains("list_api_keys", "start_wizard", "remove_api_key")
                .doesNotContain(Permission.REMOVE_OTHERS_API_KEYS);
    }

    @Test
    void aKeyIsGrantedTheRowsItsScopesPassAndNeverOnesThatRefuseKeys() {
        var granted = Permission.grantedTo(new Caller.Key(new VerifiedKey(
                new ApiKeyId("7Hq2VbX9kLm3"),
                UserId.generate(),
                "ada@example.com",
                ScopeSet.of(Scope.READ_USERS),
                NOW.plusSeconds(3600))));

        assertThat(granted)
                .contains("whoami", "list_users", "get_team", "list_scopes")
                .doesNotContain(
                        "list_api_keys", "create_user", "list_activities", "ping", Permission.REMOVE_OTHERS_API_KEYS);
    }

    @Test
    void wireNamesAreTheRowNamesInLowerCase() {
        assertThat(Arrays.stream(Permission.values()).map(Permission::wireName))
                .contains("list_api_keys", "save_wizard_key_in_vault")
                .allMatch(name -> name.matches("[a-z_]+"));
    }

    private static Caller person(Role role) {
        User user = new User(UserId.generate(), new Email("someone@example.com"), "Someone", role, false, "hash", NOW);
        return new Caller.Person(user, BearerToken.generate(new SplittableRandom(1)));
    }
}
