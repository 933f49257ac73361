package dev.latchkey.domain.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.RecordingCredentialCache;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Password;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserServiceTest {
    private static final String PASSWORD = "a long enough password";

    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final RecordingCredentialCache cache = new RecordingCredentialCache();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final UserService service =
            new UserService(users, hasher, activities, cache, new MutableClock(), new SplittableRandom(5));

    /** One stored person per role, so that the rule tables can name actor and target by role. */
    private final Map<Role, User> byRole = Map.of(
            Role.WORKSPACE_OWNER, People.owner(),
            Role.WORKSPACE_SUPER_ADMIN, People.superAdmin(),
            Role.WORKSPACE_ADMIN, People.admin(),
            Role.WORKSPACE_USER, People.member());

    UserServiceTest() {
        byRole.values().forEach(users::save);
    }

    /** A second person with {@code role}, so that nobody acts on themselves by accident. */
    private User target(Role role) {
        User target = People.person("target", role);
        users.save(target);
        return target;
    }

    private static NewUser newUser(String email, String name, Role role) {
        return new NewUser(Email.parse(email, "email"), PersonName.parse(name, "name"), role, PASSWORD);
    }

    private static UserChange roleChange(String wireName) {
        return new UserChange(Optional.of(Role.parse(wireName, "role")), Optional.empty());
    }

    private static UserChange disabledAs(boolean disabled) {
        return new UserChange(Optional.empty(), Optional.of(disabled));
    }

    private static String outcome(Runnable change) {
        try {
            change.run();
            return "ok";
        } catch (PermissionDeniedException denied) {
            return denied.code();
        }
    }

    @Nested
    class WhoMayChangeWhom {
        @ParameterizedTest(name = "{0} makes {1} a {2}: {3}")
        @CsvSource(textBlock = """
                workspace_owner,       workspace_super_admin, workspace_owner,       single_owner
                workspace_owner,       workspace_super_admin, workspace_admin,       ok
                workspace_owner,       workspace_super_admin, workspace_user,        ok
                workspace_owner,       workspace_admin,       workspace_owner,       single_owner
                workspace_owner,       workspace_admin,       workspace_super_admin, ok
                workspace_owner,       workspace_admin,       workspace_user,        ok
                workspace_owner,       workspace_user,        workspace_owner,       single_owner
                workspace_owner,       workspace_user,        workspace_super_admin, ok
                workspace_owner,       workspace_user,        workspace_admin,       ok
                workspace_super_admin, workspace_owner,       workspace_admin,       owner_immutable
                workspace_super_admin, workspace_super_admin, workspace_admin,       owner_required
                workspace_super_admin, workspace_admin,       workspace_owner,       single_owner
                workspace_super_admin, workspace_admin,       workspace_super_admin, owner_required
                workspace_super_admin, workspace_admin,       workspace_user,        ok
                workspace_super_admin, workspace_user,        workspace_super_admin, owner_required
                workspace_super_admin, workspace_user,        workspace_admin,       ok
                workspace_admin,       workspace_owner,       workspace_user,        owner_immutable
                workspace_admin,       workspace_super_admin, workspace_user,        owner_required
                workspace_admin,       workspace_admin,       workspace_owner,       single_owner
                workspace_admin,       workspace_admin,       workspace_super_admin, owner_required
                workspace_admin,       workspace_admin,       workspace_user,        ok
                workspace_admin,       workspace_user,        workspace_owner,       single_owner
                workspace_admin,       workspace_user,        workspace_super_admin, owner_required
                workspace_admin,       workspace_user,        workspace_admin,       ok
                workspace_user,        workspace_user,        workspace_admin,       role_required
                """)
        void roleChanges(String actorRole, String targetRole, String newRole, String expected) {
            User actor = byRole.get(Role.parse(actorRole, "actor"));
            User target = targetRole.equals("workspace_owner")
                    ? byRole.get(Role.WORKSPACE_OWNER)
                    : target(Role.parse(targetRole, "target"));

            String result = outcome(() -> service.update(actor, target.id(), roleChange(newRole)));

            assertThat(result).isEqualTo(expected);
            String roleAfter = expected.equals("ok") ? newRole : targetRole;
            assertThat(users.stored(target.id()).role().wireName()).isEqualTo(roleAfter);
        }

        @ParameterizedTest(name = "{0} disables {1}: {2}")
        @CsvSource(textBlock = """
                workspace_owner,       workspace_owner,       owner_immutable
                workspace_owner,       workspace_super_admin, ok
                workspace_owner,       workspace_admin,       ok
                workspace_owner,       workspace_user,        ok
                workspace_super_admin, workspace_owner,       owner_immutable
                workspace_super_admin, workspace_super_admin, owner_required
                workspace_super_admin, workspace_admin,       ok
                workspace_super_admin, workspace_user,        ok
                workspace_admin,       workspace_owner,       owner_immutable
                workspace_admin,       workspace_super_admin, owner_required
                workspace_admin,       workspace_admin,       ok
                workspace_admin,       workspace_user,        ok
                workspace_user,        workspace_user,        role_required
                """)
        void disabling(String actorRole, String targetRole, String expected) {
            User actor = byRole.get(Role.parse(actorRole, "actor"));
            User target = targetRole.equals("workspace_owner")
                    ? byRole.get(Role.WORKSPACE_OWNER)
                    : target(Role.parse(targetRole, "target"));

            String result = outcome(() -> service.update(actor, target.id(), disabledAs(true)));

            assertThat(result).isEqualTo(expected);
            assertThat(users.stored(target.id()).disabled()).isEqualTo(expected.equals("ok"));
        }

        @Test
        void ownerCannotDemoteThemselves() {
            User owner = byRole.get(Role.WORKSPACE_OWNER);

            String result = outcome(() -> service.update(owner, owner.id(), roleChange("workspace_admin")));

            assertThat(result).isEqualTo("owner_immutable");
        }

        @Test
        void disabledAdministratorManagesNobody() {
            User disabledOwner = byRole.get(Role.WORKSPACE_OWNER).withDisabled(true);
            User target = target(Role.WORKSPACE_USER);

            assertThat(outcome(() -> service.update(disabledOwner, target.id(), roleChange("workspace_admin"))))
                    .isEqualTo("role_required");
        }
    }

    @Nested
    class CredentialCacheAndActivity {
        private final User actor = byRole.get(Role.WORKSPACE_OWNER);
        private final User target = target(Role.WORKSPACE_ADMIN);

        @Test
        void roleChangeEvictsTheOwnersKeysAndIsRecorded() {
            service.update(actor, target.id(), roleChange("workspace_user"));

            assertThat(cache.evictedOwners()).containsExactly(target.id());
            assertThat(activities.only(ActivityType.USER_ROLE_CHANGED).details())
                    .containsEntry("from", "workspace_admin")
                    .containsEntry("to", "workspace_user");
        }

        @Test
        void disablingAndEnablingEvictAndAreRecorded() {
            service.update(actor, target.id(), disabledAs(true));
            service.update(actor, target.id(), disabledAs(false));

            assertThat(cache.evictedOwners()).containsExactly(target.id(), target.id());
            assertThat(activities.types()).containsExactly(ActivityType.USER_DISABLED, ActivityType.USER_ENABLED);
            assertThat(users.stored(target.id()).disabled()).isFalse();
        }

        @Test
        void changeToTheSameValuesDoesNothing() {
            service.update(actor, target.id(), new UserChange(Optional.of(Role.WORKSPACE_ADMIN), Optional.of(false)));

            assertThat(cache.evictedOwners()).isEmpty();
            assertThat(activities.all()).isEmpty();
        }

        @Test
        void refusedChangeNeitherEvictsNorRecords() {
            UserChange toOwner = new UserChange(Optional.of(Role.WORKSPACE_OWNER), Optional.of(true));

            assertThatThrownBy(() -> service.update(actor, target.id(), toOwner))
                    .isInstanceOf(PermissionDeniedException.class);

            assertThat(users.stored(target.id())).isEqualTo(target);
            assertThat(cache.evictedOwners()).isEmpty();
            assertThat(activities.all()).isEmpty();
        }
    }

    @Nested
    class Creating {
        private final User admin = byRole.get(Role.WORKSPACE_ADMIN);

        @Test
        void createsAPersonWithAHashedPassword() {
            User created = service.create(admin, newUser("grace@example.com", "Grace", Role.WORKSPACE_ADMIN));

            assertThat(created.email().value()).isEqualTo("grace@example.com");
            assertThat(created.name()).isEqualTo("Grace");
            assertThat(created.passwordHash()).doesNotContain(PASSWORD);
            assertThat(hasher.verify(created.passwordHash(), PASSWORD)).isTrue();
            assertThat(users.stored(created.id())).isEqualTo(created);
            assertThat(activities.only(ActivityType.USER_CREATED).toString()).doesNotContain(PASSWORD);
        }

        @Test
        void newUserNeverPrintsItsPassword() {
            assertThat(newUser("grace@example.com", "Grace", Role.WORKSPACE_ADMIN)
                            .toString())
                    .contains("grace@example.com")
                    .doesNotContain(PASSWORD);
        }

        @Test
        void rejectsATakenEmail() {
            String taken = byRole.get(Role.WORKSPACE_USER).email().value().toUpperCase();

            assertThat(catchThrowableOfType(
                                    ValidationException.class,
                                    () -> service.create(admin, newUser(taken, "Twin", Role.WORKSPACE_USER)))
                            .violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("email", "email_taken"));
        }

        @Test
        void nobodyCreatesASecondOwner() {
            assertThat(outcome(() -> service.create(
                            byRole.get(Role.WORKSPACE_OWNER), newUser("two@example.com", "Two", Role.WORKSPACE_OWNER))))
                    .isEqualTo("single_owner");
        }

        @Test
        void onlyTheOwnerCreatesSuperAdmins() {
            assertThat(outcome(() -> service.create(
                            byRole.get(Role.WORKSPACE_SUPER_ADMIN),
                            newUser("sa@example.com", "SA", Role.WORKSPACE_SUPER_ADMIN))))
                    .isEqualTo("owner_required");
            assertThat(outcome(() -> service.create(
                            byRole.get(Role.WORKSPACE_OWNER),
                            newUser("sa@example.com", "SA", Role.WORKSPACE_SUPER_ADMIN))))
                    .isEqualTo("ok");
        }

        @Test
        void plainUserCreatesNobody() {
            assertThat(outcome(() -> service.create(
                            byRole.get(Role.WORKSPACE_USER), newUser("x@example.com", "X", Role.WORKSPACE_USER))))
                    .isEqualTo("role_required");
        }
    }

    @Nested
    class Bootstrapping {
        private final InMemoryUserRepository empty = new InMemoryUserRepository();
        private final UserService fresh =
                new UserService(empty, hasher, activities, cache, new MutableClock(), new SplittableRandom(5));
        private final Email email = new Email("owner@example.com");

        @Test
        void createsTheOwnerWithAGeneratedPasswordShownOnce() {
            UserService.OwnerBootstrap result = fresh.ensureOwner(email, Optional.empty());

            assertThat(result)
                    .isInstanceOfSatisfying(UserService.OwnerBootstrap.CreatedWithGeneratedPassword.class, created -> {
                        assertThat(created.owner().role()).isEqualTo(Role.WORKSPACE_OWNER);
                        assertThat(created.password()).hasSizeGreaterThanOrEqualTo(Password.MIN_LENGTH);
                        assertThat(hasher.verify(created.owner().passwordHash(), created.password()))
                                .isTrue();
                        assertThat(created.toString()).doesNotContain(created.password());
                    });
        }

        @Test
        void usesTheConfiguredPasswordAndRunsOnlyOnce() {
            assertThat(fresh.ensureOwner(email, Optional.of(PASSWORD)))
                    .isInstanceOf(UserService.OwnerBootstrap.Created.class);
            assertThat(fresh.ensureOwner(email, Optional.of(PASSWORD)))
                    .isInstanceOf(UserService.OwnerBootstrap.Existing.class);
            assertThat(empty.count()).isEqualTo(1);
        }

        @Test
        void rejectsAWeakConfiguredPassword() {
            Optional<String> weak = Optional.of("short");

            assertThat(catchThrowableOfType(ValidationException.class, () -> fresh.ensureOwner(email, weak))
                            .violations())
                    .extracting(Violation::field)
                    .containsExactly("latchkey.owner.password");
            assertThat(empty.ownerExists()).isFalse();
        }
    }
}
