package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.api.rest.UsersResource.CreateUserRequest;
import dev.latchkey.api.rest.UsersResource.UpdateUserRequest;
import dev.latchkey.domain.people.NewUser;
import dev.latchkey.domain.people.PersonName;
import dev.latchkey.domain.people.UserChange;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserRequestsTest {
    private static final String PASSWORD = "a long enough password";

    @Test
    void newUserIsNormalizedIntoDomainValues() {
        NewUser user = new CreateUserRequest(" Grace@Example.com ", " Grace ", "workspace_admin", PASSWORD).toNewUser();

        assertThat(user)
                .isEqualTo(new NewUser(
                        new Email("grace@example.com"), new PersonName("Grace"), Role.WORKSPACE_ADMIN, PASSWORD));
    }

    @Test
    void newUserReportsEveryInvalidFieldAtOnceWithoutEchoingThePassword() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class,
                () -> new CreateUserRequest("not-an-email", " ", "root", "short").toNewUser());

        assertThat(invalid.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("email", "invalid_email"),
                        tuple("name", "invalid_name"),
                        tuple("role", "unknown_role"),
                        tuple("password", "weak_password"));
        assertThat(invalid.getMessage()).isEqualTo("4 fields are invalid");
        assertThat(invalid.violations()).extracting(Violation::message).noneMatch(message -> message.contains("short"));
    }

    @Test
    void absentNewUserFieldsAreEachReported() {
        assertThat(catchThrowableOfType(
                                ValidationException.class,
                                () -> new CreateUserRequest(null, null, null, null).toNewUser())
                        .violations())
                .extracting(Violation::field)
                .containsExactly("email", "name", "role", "password");
    }

    @Test
    void absentUpdateMembersChangeNothing() {
        assertThat(new UpdateUserRequest(null, null).toChange())
                .isEqualTo(new UserChange(Optional.empty(), Optional.empty()));
        assertThat(new UpdateUserRequest("workspace_user", true).toChange())
                .isEqualTo(new UserChange(Optional.of(Role.WORKSPACE_USER), Optional.of(true)));
    }

    @Test
    void unknownRoleInAnUpdateIsAViolationOnRole() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new UpdateUserRequest("root", null).toChange())
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("role", "unknown_role"));
    }
}
