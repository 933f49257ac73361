package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.api.rest.TeamsResource.MemberRequest;
import dev.latchkey.api.rest.TeamsResource.NameRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamService;
import dev.latchkey.domain.workspace.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamRequestsTest {
    @Test
    void nameIsTrimmedIntoATeamName() {
        assertThat(new NameRequest("  Platform ").toName()).isEqualTo(new TeamName("Platform"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {" "})
    void missingNameIsAViolationOnName(String name) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new NameRequest(name).toName())
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "invalid_name"));
    }

    @Test
    void memberIdBecomesAUserId() {
        String id = UserId.generate().value();

        assertThat(new MemberRequest(id).toUserId()).isEqualTo(new UserId(id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not-an-id", "9B2F6C1E-4A8D-4C5E-9F3A-2D7B8E1C0A11"})
    void memberIdThatCannotBeAnyonesIsTheUnknownUserViolation(String userId) {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new MemberRequest(userId).toUserId())
                        .violations())
                .containsExactly(TeamService.UNKNOWN_USER);
    }
}
