package dev.latchkey.domain.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamService;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryEntitlementRepository;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryTeamRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.workspace.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntitlementServiceTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final User owner = People.owner();
    private final User superAdmin = People.superAdmin();
    private final User admin = People.admin();
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(owner, superAdmin, admin);
    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final IntegrationService integrations = new IntegrationService(
            new InMemoryIntegrationRepository(),
            new InMemoryVaultRepository(),
            new FakeVaultPlugins(),
            activities,
            clock);
    private final EntitlementService service =
            new EntitlementService(new InMemoryEntitlementRepository(), integrations, users, teams, activities, clock);
    private final Actor actor = Actor.of(owner);
    private final IntegrationId integration =
            integrations.create(actor, "local-db", "Main", Map.of()).id();

    @Test
    void ownerAndSuperAdminsMayAlwaysWriteOthersNeedVaultWriter() {
        assertThat(service.mayWrite(owner, integration)).isTrue();
        assertThat(service.mayWrite(superAdmin, integration)).isTrue();
        assertThat(service.mayWrite(admin, integration)).isFalse();

        service.grant(actor, integration, "user", admin.id().value(), "vault_reader");
        assertThat(service.mayWrite(admin, integration))
                .as("a reader may not write")
                .isFalse();

        service.grant(actor, integration, "user", admin.id().value(), "vault_writer");
        assertThat(service.mayWrite(admin, integration)).isTrue();
        assertThat(activities.ofType(ActivityType.ENTITLEMENT_GRANTED)).hasSize(2);
    }

    @Test
    void aTeamsWriterEntitlementCoversItsMembersOnThatIntegrationOnly() {
        TeamService teamService = new TeamService(teams, users, activities, clock);
        Team team = teamService.create(owner, new TeamName("Platform"));
        teamService.addMember(owner, team.id(), admin.id());
        Integration other = integrations.create(actor, "local-db", "Other", Map.of());

        service.grant(actor, integration, "team", team.id().value(), "vault_writer");

        assertThat(service.mayWrite(admin, integration)).isTrue();
        assertThat(service.mayWrite(admin, other.id())).isFalse();
        teamService.removeMember(owner, team.id(), admin.id());
        assertThat(service.mayWrite(admin, integration)).isFalse();
    }

    @Test
    void revokingTakesTheRightAway() {
        Entitlement granted =
                service.grant(actor, integration, "user", admin.id().value(), "vault_writer");

        service.revoke(actor, integration, granted.id());

        assertThat(service.mayWrite(admin, integration)).isFalse();
        assertThat(service.list(integration, PageRequest.FIRST).items()).isEmpty();
        assertThat(activities.only(ActivityType.ENTITLEMENT_REVOKED).subjectId())
                .isEqualTo(granted.id().value());
        assertThatThrownBy(() -> service.revoke(actor, integration, granted.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyInvalidFieldIsReportedAndDuplicatesConflict() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class, () -> service.grant(actor, integration, "robot", "x", "vault_admin"));
        assertThat(invalid.violations()).extracting(Violation::field).containsExactlyInAnyOrder("granteeType", "role");

        ValidationException unknown = catchThrowableOfType(
                ValidationException.class,
                () -> service.grant(actor, integration, "team", admin.id().value(), "vault_reader"));
        assertThat(unknown.violations()).extracting(Violation::code).containsExactly("unknown_grantee");

        service.grant(actor, integration, "user", admin.id().value(), "vault_reader");
        assertThatThrownBy(() ->
                        service.grant(actor, integration, "user", admin.id().value(), "vault_reader"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("entitlement_exists"));
    }

    @Test
    void anUnknownIntegrationIsNotFound() {
        assertThatThrownBy(() -> service.list(IntegrationId.generate(), PageRequest.FIRST))
                .isInstanceOf(NotFoundException.class);
    }
}
