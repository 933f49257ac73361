package dev.latchkey.domain.apikey;

import static dev.latchkey.domain.apikey.TestKeys.EXPIRES_AT;
import static dev.latchkey.domain.apikey.TestKeys.ISSUED_AT;
import static dev.latchkey.domain.apikey.TestKeys.SCOPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTest {
    private static final Instant MIDWAY = ISSUED_AT.plus(Duration.ofDays(1));
    private static final ScopeSet NEW_SCOPES = ScopeSet.of(Scope.READ_ACTIVITIES);

    private final User creator = People.admin();
    private final ApiKey key = TestKeys.active(creator);

    @Nested
    class Status {
        @Test
        void isPendingUntilAcknowledged() {
            ApiKey pending = ApiKey.issue(
                    PlaintextApiKey.generate(new SplittableRandom(3)),
                    "hash",
                    new KeyName("pending"),
                    creator.id(),
                    SCOPES,
                    ISSUED_AT,
                    EXPIRES_AT);

            assertThat(pending.status(MIDWAY)).isEqualTo(ApiKeyStatus.PENDING);
            assertThat(pending.status(EXPIRES_AT.plusSeconds(1))).isEqualTo(ApiKeyStatus.PENDING);
            pending.acknowledge();
            assertThat(pending.status(MIDWAY)).isEqualTo(ApiKeyStatus.ACTIVE);
        }

        @Test
        void isActiveUntilJustBeforeExpiresAt() {
            assertThat(key.status(ISSUED_AT)).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(key.status(EXPIRES_AT.minusNanos(1))).isEqualTo(ApiKeyStatus.ACTIVE);
        }

        @Test
        void isExpiredExactlyAtExpiresAt() {
            assertThat(key.status(EXPIRES_AT)).isEqualTo(ApiKeyStatus.EXPIRED);
            assertThat(key.status(EXPIRES_AT.plus(Duration.ofDays(400)))).isEqualTo(ApiKeyStatus.EXPIRED);
        }

        @Test
        void removedWinsOverExpired() {
            key.remove(creator, MIDWAY);

            assertThat(key.status(MIDWAY)).isEqualTo(ApiKeyStatus.REMOVED);
            assertThat(key.status(EXPIRES_AT)).isEqualTo(ApiKeyStatus.REMOVED);
        }

        @Test
        void removedAfterExpiryIsRemoved() {
            key.remove(creator, EXPIRES_AT.plusSeconds(60));

            assertThat(key.status(EXPIRES_AT.plusSeconds(61))).isEqualTo(ApiKeyStatus.REMOVED);
        }

        @Test
        void acknowledgingTwiceIsAProgrammingError() {
            assertThatThrownBy(key::acknowledge).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class EffectiveScopes {
        @Test
        void areTheGrantedScopesWhileActiveAndOwnedByAnActiveAdministrator() {
            assertThat(key.effectiveScopes(creator, MIDWAY)).isEqualTo(SCOPES);
        }

        @Test
        void areEmptyOnceTheOwnerIsDemotedToWorkspaceUser() {
            assertThat(key.effectiveScopes(creator.withRole(Role.WORKSPACE_USER), MIDWAY))
                    .isEqualTo(ScopeSet.NONE);
        }

        @Test
        void areEmptyWhileTheOwnerIsDisabled() {
            assertThat(key.effectiveScopes(creator.withDisabled(true), MIDWAY).isEmpty())
                    .isTrue();
        }

        @Test
        void returnWhenTheOwnerIsReinstated() {
            User reinstated = creator.withRole(Role.WORKSPACE_USER).withRole(Role.WORKSPACE_SUPER_ADMIN);

            assertThat(key.effectiveScopes(reinstated, MIDWAY)).isEqualTo(SCOPES);
        }

        @Test
        void areEmptyOnceExpiredOrRemoved() {
            assertThat(key.effectiveScopes(creator, EXPIRES_AT).isEmpty()).isTrue();
            key.remove(creator, MIDWAY);
            assertThat(key.effectiveScopes(creator, MIDWAY).isEmpty()).isTrue();
        }

        @Test
        void askingWithSomeoneElseIsAProgrammingError() {
            assertThatThrownBy(() -> key.effectiveScopes(People.owner(), MIDWAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ChangingScopes {
        @Test
        void creatorChangesScopes() {
            key.changeScopes(creator, NEW_SCOPES, MIDWAY);

            assertThat(key.scopes()).isEqualTo(NEW_SCOPES);
        }

        @ParameterizedTest
        @MethodSource("dev.latchkey.domain.apikey.ApiKeyTest#everyoneButTheCreator")
        void nobodyElseChangesScopes(Supplier<User> someoneElse) {
            assertThatThrownBy(() -> key.changeScopes(someoneElse.get(), NEW_SCOPES, MIDWAY))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            denied -> assertThat(denied.code()).isEqualTo("not_key_owner"));
            assertThat(key.scopes()).isEqualTo(SCOPES);
        }

        @Test
        void removedKeyKeepsItsScopes() {
            key.remove(creator, MIDWAY);

            assertThatThrownBy(() -> key.changeScopes(creator, NEW_SCOPES, MIDWAY))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            conflict -> assertThat(conflict.code()).isEqualTo("api_key_not_changeable"));
        }

        @Test
        void expiredKeyKeepsItsScopes() {
            assertThatThrownBy(() -> key.changeScopes(creator, NEW_SCOPES, EXPIRES_AT))
                    .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                        assertThat(conflict.code()).isEqualTo("api_key_not_changeable");
                        assertThat(conflict.getMessage()).isEqualTo("the key is expired, so its scopes are final");
                    });
            assertThat(key.scopes()).isEqualTo(SCOPES);
        }

        @Test
        void aKeyKeepsAtLeastOneScope() {
            assertThatThrownBy(() -> key.changeScopes(creator, ScopeSet.NONE, MIDWAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Stream<Named<Supplier<User>>> everyoneButTheCreator() {
        return Stream.of(
                Named.of("the Owner", People::owner),
                Named.of("a Super Admin", People::superAdmin),
                Named.of("another Admin", People::admin));
    }

    @Nested
    class Removing {
        @Test
        void creatorRemoves() {
            assertThat(key.remove(creator, MIDWAY)).isTrue();
            assertThat(key.removedAt()).contains(MIDWAY);
        }

        @ParameterizedTest
        @EnumSource(
                value = Role.class,
                names = {"WORKSPACE_OWNER", "WORKSPACE_SUPER_ADMIN"})
        void ownerAndSuperAdminRemoveOthersKeys(Role role) {
            assertThat(key.remove(People.person("boss", role), MIDWAY)).isTrue();
            assertThat(key.status(MIDWAY)).isEqualTo(ApiKeyStatus.REMOVED);
        }

        @Test
        void anotherAdminMayNotRemove() {
            assertThatThrownBy(() -> key.remove(People.admin(), MIDWAY))
                    .isInstanceOfSatisfying(
                            PermissionDeniedException.class,
                            denied -> assertThat(denied.code()).isEqualTo("not_allowed_to_remove"));
            assertThat(key.removedAt()).isEmpty();
        }

        @Test
        void removingTwiceKeepsTheFirstTime() {
            key.remove(creator, MIDWAY);

            assertThat(key.remove(People.owner(), MIDWAY.plusSeconds(5))).isFalse();
            assertThat(key.removedAt()).contains(MIDWAY);
        }
    }

    @Test
    void printsOnlyTheMaskedIdAndName() {
        assertThat(key.toString())
                .isEqualTo("ApiKey[lk_" + key.id() + "_…, name=a key]")
                .doesNotContain(key.secretHash());
    }
}
