package dev.latchkey.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.testing.People;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every role rule, checked for every role (and pair of roles) against a statement of the rules written out here. */
class RoleTest {
    private static final EnumSet<Role> ADMINISTRATORS =
            EnumSet.of(Role.WORKSPACE_OWNER, Role.WORKSPACE_SUPER_ADMIN, Role.WORKSPACE_ADMIN);
    private static final EnumSet<Role> OWNER_AND_SUPER_ADMIN =
            EnumSet.of(Role.WORKSPACE_OWNER, Role.WORKSPACE_SUPER_ADMIN);

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleButThePlainUserAdministers(Role role) {
        assertThat(role.isAdministrator()).isEqualTo(ADMINISTRATORS.contains(role));
        assertThat(Role.ADMINISTRATORS.contains(role)).isEqualTo(ADMINISTRATORS.contains(role));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyOwnersAndSuperAdminsRemoveOthersKeysAndWriteIntoEveryVault(Role role) {
        assertThat(role.mayRemoveOthersKeys()).isEqualTo(OWNER_AND_SUPER_ADMIN.contains(role));
        assertThat(role.writesIntoEveryVault()).isEqualTo(OWNER_AND_SUPER_ADMIN.contains(role));
    }

    @Test
    void everyPairOfActorAndTargetIsJudgedByTheChangeRule() {
        for (Role actor : Role.values()) {
            for (Role target : Role.values()) {
                Optional<String> expected = target == Role.WORKSPACE_OWNER
                        ? Optional.of("owner_immutable")
                        : target == Role.WORKSPACE_SUPER_ADMIN && actor != Role.WORKSPACE_OWNER
                                ? Optional.of("owner_required")
                                : Optional.empty();
                assertThat(refusal(() -> actor.checkMayChange(target)))
                        .as(actor + " changes " + target)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void everyPairOfActorAndNewRoleIsJudgedByTheAssignRule() {
        for (Role actor : Role.values()) {
            for (Role assigned : Role.values()) {
                Optional<String> expected = assigned == Role.WORKSPACE_OWNER
                        ? Optional.of("single_owner")
                        : assigned == Role.WORKSPACE_SUPER_ADMIN && actor != Role.WORKSPACE_OWNER
                                ? Optional.of("owner_required")
                                : Optional.empty();
                assertThat(refusal(() -> actor.checkMayAssign(assigned)))
                        .as(actor + " assigns " + assigned)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void describesRolesInRankOrderForMessages() {
        assertThat(Role.describe(Role.ADMINISTRATORS))
                .isEqualTo("workspace_owner, workspace_super_admin or workspace_admin");
        assertThat(Role.describe(EnumSet.of(Role.WORKSPACE_USER, Role.WORKSPACE_OWNER)))
                .isEqualTo("workspace_owner or workspace_user");
        assertThat(Role.describe(EnumSet.of(Role.WORKSPACE_ADMIN))).isEqualTo("workspace_admin");
    }

    @Test
    void aPlainUserOrADisabledAdministratorIsRefusedNamingTheActionAndTheRoles() {
        PermissionDeniedException refused = catchThrowableOfType(
                PermissionDeniedException.class, () -> People.member().requireAdministrator("managing teams"));
        assertThat(refused.code()).isEqualTo("role_required");
        assertThat(refused.getMessage())
                .isEqualTo("managing teams needs the role workspace_owner, workspace_super_admin or workspace_admin");

        assertThat(refusal(() -> People.admin().withDisabled(true).requireAdministrator("managing users")))
                .contains("role_required");
        assertThatCode(() -> People.admin().requireAdministrator("managing users"))
                .doesNotThrowAnyException();
    }

    private static Optional<String> refusal(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (PermissionDeniedException refused) {
            return Optional.of(refused.code());
        }
    }
}
