package dev.latchkey.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.InMemoryWizardRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.WizardInputs;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.GeneratedKey;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Vaults and which of them a new secret may go into, against in-memory ports and a fake plugin. */
class VaultServiceTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final InMemoryIntegrationRepository integrationRepository = new InMemoryIntegrationRepository();
    private final InMemoryVaultRepository vaults = new InMemoryVaultRepository();
    private final InMemoryWizardRepository wizardRepository = new InMemoryWizardRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final User admin = People.admin();
    private final Actor actor = Actor.of(admin);

    private VaultService serviceWith(FakeVaultPlugins plugins) {
        return serviceWith(plugins, (person, integration) -> true);
    }

    private VaultService serviceWith(FakeVaultPlugins plugins, VaultAccess access) {
        WizardService wizards = new WizardService(
                wizardRepository,
                keys,
                new FakeSecretHasher(),
                activities,
                clock,
                new SplittableRandom(7),
                Duration.ofMinutes(15),
                WorkspacePolicy.DEFAULT);
        IntegrationService integrations =
                new IntegrationService(integrationRepository, vaults, plugins, activities, clock);
        return new VaultService(vaults, integrations, wizards, access, activities, clock);
    }

    private final FakeVaultPlugins plugins = new FakeVaultPlugins();
    private final VaultService service = serviceWith(plugins);

    private GeneratedKey atStore(VaultService using, String name) {
        WizardService wizards = new WizardService(
                wizardRepository,
                keys,
                new FakeSecretHasher(),
                activities,
                clock,
                new SplittableRandom(name.hashCode()),
                Duration.ofMinutes(15),
                WorkspacePolicy.DEFAULT);
        ApiKeyWizard wizard = wizards.start(admin);
        wizards.submitDetails(admin, wizard.id(), WizardInputs.details(name, "1d"));
        return wizards.submitScopes(admin, wizard.id(), WizardInputs.scopes("read:users"));
    }

    @Test
    void firstStartCreatesALocalIntegrationAndADefaultVaultOnce() {
        Vault created = service.ensureDefaultVault().orElseThrow();

        assertThat(created.name()).isEqualTo("Local vault");
        assertThat(created.isDefault()).isTrue();
        assertThat(integrationRepository
                        .findById(created.integrationId())
                        .orElseThrow()
                        .provider())
                .isEqualTo("local-db");
        assertThat(service.ensureDefaultVault()).isEmpty();
        assertThat(vaults.findAll()).hasSize(1);
    }

    @Test
    void makingAVaultDefaultTakesItFromThePreviousOne() {
        Vault local = service.ensureDefaultVault().orElseThrow();
        Vault team = service.create(actor, "Team", local.integrationId().value(), Optional.empty());

        service.update(actor, team.id(), Optional.empty(), Optional.empty(), Optional.of(true));

        assertThat(vaults.findAll())
                .extracting(Vault::name, Vault::isDefault)
                .containsExactly(tuple("Team", true), tuple("Local vault", false));
        assertThat(activities.ofType(ActivityType.VAULT_UPDATED))
                .singleElement()
                .satisfies(a -> assertThat(a.details()).containsEntry("isDefault", "true"));
    }

    @Test
    void defaultVaultCannotBeDisabled() {
        Vault local = service.ensureDefaultVault().orElseThrow();

        assertThatThrownBy(
                        () -> service.update(actor, local.id(), Optional.empty(), Optional.of(false), Optional.empty()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("default_vault_disabled"));
    }

    @Test
    void vaultOnAnUnknownIntegrationIsRejectedWithItsName() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class, () -> service.create(actor, " ", "not-an-id", Optional.empty()));

        assertThat(invalid.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "integrationId");
    }

    @Test
    void withoutVaultWriterAVaultIsNoWritableTargetAndIsNotOffered() {
        VaultService refusing = serviceWith(plugins, (person, integration) -> false);
        Vault local = refusing.ensureDefaultVault().orElseThrow();
        GeneratedKey generated = atStore(refusing, "CI pipeline");

        assertThatThrownBy(() -> refusing.writableTarget(local.id().value(), admin))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("vault_writer_required"));
        assertThat(refusing.options(admin, generated.wizard().id())).isEmpty();
    }

    @Test
    void aDisabledVaultIsAConflictAsAWritableTargetAndIsNotOffered() {
        Vault local = service.ensureDefaultVault().orElseThrow();
        Vault team = service.create(actor, "Team", local.integrationId().value(), Optional.empty());
        service.update(actor, team.id(), Optional.empty(), Optional.of(false), Optional.empty());
        GeneratedKey generated = atStore(service, "Disabled target");

        assertThatThrownBy(() -> service.writableTarget(team.id().value(), admin))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("vault_disabled"));
        assertThat(service.writableTarget(local.id().value(), admin)).isEqualTo(local);
        assertThat(service.options(admin, generated.wizard().id()))
                .extracting(Vault::name)
                .containsExactly("Local vault");
    }

    @Test
    void anUnknownVaultIsAViolationOfVaultId() {
        service.ensureDefaultVault();

        for (String unknown :
                new String[] {null, "nope", java.util.UUID.randomUUID().toString()}) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> service.writableTarget(unknown, admin))
                            .violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("vaultId", "unknown_vault"));
        }
    }

    @Test
    void someoneElsesWizardHasNoVaultOptions() {
        service.ensureDefaultVault();
        GeneratedKey generated = atStore(service, "Private");

        assertThatThrownBy(
                        () -> service.options(People.admin(), generated.wizard().id()))
                .isInstanceOf(NotFoundException.class);
    }
}
