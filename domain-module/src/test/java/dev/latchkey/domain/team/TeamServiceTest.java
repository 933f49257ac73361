package dev.latchkey.domain.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.SearchText;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.testing.InMemoryTeamRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import org.junit.jupiter.api.Test;

class TeamServiceTest {
    private final User admin = People.admin();
    private final User member = People.member();
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(admin, member);
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final TeamService service = new TeamService(teams, users, activities, new MutableClock());

    private static TeamName name(String value) {
        return new TeamName(value);
    }

    @Test
    void createsATeamAndRecordsIt() {
        Team team = service.create(admin, name("Platform"));

        assertThat(team.name().value()).isEqualTo("Platform");
        assertThat(service.get(team.id())).isEqualTo(team);
        assertThat(activities.only(ActivityType.TEAM_CREATED).details()).containsEntry("name", "Platform");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        service.create(admin, name("Platform"));

        assertThatThrownBy(() -> service.create(admin, name("PLATFORM")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "name_taken")));
    }

    @Test
    void renamingMayChangeOnlyTheCaseOfItsOwnName() {
        Team team = service.create(admin, name("platform"));

        Team renamed = service.rename(admin, team.id(), name("Platform"));

        assertThat(renamed.name().value()).isEqualTo("Platform");
        assertThat(activities.only(ActivityType.TEAM_RENAMED).details())
                .containsEntry("from", "platform")
                .containsEntry("to", "Platform");
    }

    @Test
    void renamingToAnotherTeamsNameIsRejected() {
        service.create(admin, name("Platform"));
        Team other = service.create(admin, name("Security"));

        assertThatThrownBy(() -> service.rename(admin, other.id(), name("platform")))
                .isInstanceOf(ValidationException.class);
        assertThat(service.get(other.id()).name().value()).isEqualTo("Security");
    }

    @Test
    void addsAndRemovesMembers() {
        Team team = service.create(admin, name("Platform"));

        service.addMember(admin, team.id(), member.id());
        assertThat(service.get(team.id()).memberIds()).containsExactly(member.id());
        assertThat(teams.teamsOf(member.id())).containsExactly(team.id());

        service.removeMember(admin, team.id(), member.id());
        assertThat(service.get(team.id()).memberIds()).isEmpty();
        assertThat(activities.types())
                .containsSubsequence(ActivityType.TEAM_MEMBER_ADDED, ActivityType.TEAM_MEMBER_REMOVED);
    }

    @Test
    void addingAnUnknownPersonIsAViolationOnUserId() {
        Team team = service.create(admin, name("Platform"));

        assertThatThrownBy(() -> service.addMember(admin, team.id(), UserId.generate()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations()).containsExactly(TeamService.UNKNOWN_USER));
        assertThat(service.get(team.id()).memberIds()).isEmpty();
    }

    @Test
    void addingAMemberTwiceConflictsAndRemovingANonMemberIsNotFound() {
        Team team = service.create(admin, name("Platform"));
        service.addMember(admin, team.id(), member.id());

        assertThatThrownBy(() -> service.addMember(admin, team.id(), member.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("already_a_member"));
        assertThatThrownBy(() -> service.removeMember(admin, team.id(), admin.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("member_not_found"));
    }

    @Test
    void deletedTeamIsGone() {
        Team team = service.create(admin, name("Platform"));

        service.delete(admin, team.id());

        assertThatThrownBy(() -> service.get(team.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.list(SearchText.ANY, PageRequest.FIRST).items()).isEmpty();
        assertThat(activities.only(ActivityType.TEAM_DELETED).details()).containsEntry("name", "Platform");
    }

    @Test
    void plainUsersMayNotChangeTeams() {
        Team team = service.create(admin, name("Platform"));

        assertThatThrownBy(() -> service.create(member, name("Mine"))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.rename(member, team.id(), name("Mine")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.delete(member, team.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.addMember(member, team.id(), member.id()))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
