package dev.latchkey.domain.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.Team;
import dev.latchkey.domain.team.TeamName;
import dev.latchkey.domain.team.TeamService;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryItemRepository;
import dev.latchkey.domain.testing.InMemoryTeamRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.InMemoryWizardRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ItemServiceTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final User owner = People.owner();
    private final User admin = People.admin();
    private final User colleague = People.member();
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(owner, admin, colleague);
    private final InMemoryTeamRepository teamRepository = new InMemoryTeamRepository();
    private final TeamService teams = new TeamService(teamRepository, users, activities, clock);
    private final FakeVaultPlugins plugins = new FakeVaultPlugins();
    private final InMemoryVaultRepository vaultRepository = new InMemoryVaultRepository();
    private final IntegrationService integrations =
            new IntegrationService(new InMemoryIntegrationRepository(), vaultRepository, plugins, activities, clock);
    private final VaultService vaults = new VaultService(
            vaultRepository,
            integrations,
            new WizardService(
                    new InMemoryWizardRepository(),
                    new InMemoryApiKeyRepository(),
                    new FakeSecretHasher(),
                    activities,
                    clock,
                    new SplittableRandom(3),
                    Duration.ofMinutes(15),
                    WorkspacePolicy.DEFAULT),
            (person, integration) -> person.role() != dev.latchkey.domain.workspace.Role.WORKSPACE_USER,
            activities,
            clock);
    private final ItemService service = new ItemService(
            new InMemoryItemRepository(), vaults, integrations, plugins, teamRepository, activities, clock);
    private final Vault vault = vaults.ensureDefaultVault().orElseThrow();

    @Test
    void aSecretsValueGoesToTheVaultAndOnlyItsOwnerSeesIt() {
        Item secret = service.createSecret(owner, vault.id().value(), "Stripe", "payments", "sk_live_123", List.of());

        assertThat(secret.path()).isEqualTo("secrets/" + secret.id().value());
        assertThat(secret.toString()).doesNotContain("sk_live_123");
        assertThat(service.value(service.get(ItemType.SECRET, secret.id(), owner.id())))
                .isEqualTo("sk_live_123");
        assertThatThrownBy(() -> service.get(ItemType.SECRET, secret.id(), admin.id()))
                .as("the workspace role does not widen what one sees")
                .isInstanceOf(NotFoundException.class);
        assertThat(service.list(ItemType.SECRET, admin.id(), PageRequest.FIRST).items())
                .isEmpty();
        assertThat(activities.only(ActivityType.ITEM_CREATED).details().values())
                .doesNotContain("sk_live_123");
    }

    @Test
    void sharingWithATeamShowsTheItemToItsMembers() {
        Team team = teams.create(owner, new TeamName("Payments"));
        teams.addMember(owner, team.id(), colleague.id());

        Item account = service.createAccount(
                admin,
                vault.id().value(),
                "GitHub",
                "ci bot",
                "https://github.com/login",
                "ci-bot",
                "hunter2-but-longer",
                List.of(team.id().value()));

        assertThat(account.title()).isEqualTo("GitHub (ci bot)");
        assertThat(service.get(ItemType.ACCOUNT, account.id(), colleague.id()).field("username"))
                .isEqualTo("ci-bot");
        assertThat(service.list(ItemType.ACCOUNT, colleague.id(), PageRequest.FIRST)
                        .items())
                .hasSize(1);
        assertThatThrownBy(() -> service.get(ItemType.SECRET, account.id(), admin.id()))
                .as("an account is not a secret")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingIsWritten() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class,
                () -> service.createAccount(owner, "nope", " ", "x", "ftp://files", "", "", List.of("not-a-team")));

        assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "application", "username", "url", "vaultId", "sharedWithTeamIds", "password");
        assertThat(activities.ofType(ActivityType.ITEM_CREATED)).isEmpty();
    }

    @Test
    void writingIntoAVaultNeedsVaultWriter() {
        assertThatThrownBy(() -> service.createSecret(colleague, vault.id().value(), "Mine", "misc", "v", List.of()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("vault_writer_required"));
    }

    @Test
    void secretMetadataIsReadOnlyForAPathHoldingAnItemTheViewerSees() {
        Item secret = service.createSecret(owner, vault.id().value(), "Stripe", "payments", "sk_live_123", List.of());

        assertThat(service.secretMetadata(vault.id(), secret.path(), owner.id()).version())
                .isEqualTo(1);
        assertThatThrownBy(() -> service.secretMetadata(vault.id(), secret.path(), admin.id()))
                .as("another person's secret")
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("secret_not_found"));
        plugins.write(integrations.get(vault.integrationId()), "uncataloged", "x", Map.of());
        assertThatThrownBy(() -> service.secretMetadata(vault.id(), "uncataloged", owner.id()))
                .as("a value the vault holds but no item names")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDisabledVaultIsTheSameConflictForItemsAsForTheWizard() {
        Vault spare =
                vaults.create(Actor.of(owner), "Spare", vault.integrationId().value(), java.util.Optional.empty());
        vaults.update(
                Actor.of(owner),
                spare.id(),
                java.util.Optional.empty(),
                java.util.Optional.of(false),
                java.util.Optional.empty());

        assertThatThrownBy(() -> service.createSecret(owner, spare.id().value(), "Late", "misc", "v", List.of()))
                .isInstanceOfSatisfying(
                        dev.latchkey.domain.shared.ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("vault_disabled"));
        assertThat(activities.ofType(ActivityType.ITEM_CREATED)).isEmpty();
    }
}
