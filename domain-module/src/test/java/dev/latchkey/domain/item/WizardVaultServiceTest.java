package dev.latchkey.domain.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultAccess;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryItemRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.InMemoryWizardRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.WizardInputs;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.GeneratedKey;
import dev.latchkey.domain.wizard.IllegalWizardMoveException;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.wizard.WizardStep;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store step as one operation, against in-memory ports and a fake plugin; each failure point leaves no secret. */
class WizardVaultServiceTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final InMemoryIntegrationRepository integrationRepository = new InMemoryIntegrationRepository();
    private final InMemoryVaultRepository vaultRepository = new InMemoryVaultRepository();
    private final InMemoryWizardRepository wizardRepository = new InMemoryWizardRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryItemRepository catalog = new InMemoryItemRepository();
    private final FakeVaultPlugins plugins = new FakeVaultPlugins();
    private final User admin = People.admin();
    private final WizardService wizards = new WizardService(
            wizardRepository,
            keys,
            new FakeSecretHasher(),
            activities,
            clock,
            new SplittableRandom(7),
            Duration.ofMinutes(15),
            WorkspacePolicy.DEFAULT);
    private final IntegrationService integrations =
            new IntegrationService(integrationRepository, vaultRepository, plugins, activities, clock);

    private VaultService vaultsWith(VaultAccess access) {
        return new VaultService(vaultRepository, integrations, wizards, access, activities, clock);
    }

    private final VaultService vaults = vaultsWith((person, integration) -> true);
    private final Vault local = vaults.ensureDefaultVault().orElseThrow();

    private WizardVaultService serviceWith(VaultService using, ItemRepository items) {
        return new WizardVaultService(wizards, using, integrations, plugins, items, activities, clock);
    }

    private final WizardVaultService service = serviceWith(vaults, catalog);

    private GeneratedKey atStore(String name) {
        ApiKeyWizard wizard = wizards.start(admin);
        wizards.submitDetails(admin, wizard.id(), WizardInputs.details(name, "1d"));
        return wizards.submitScopes(admin, wizard.id(), WizardInputs.scopes("read:users"));
    }

    private Integration localIntegration() {
        return integrationRepository.findById(local.integrationId()).orElseThrow();
    }

    private String pathOf(GeneratedKey generated) {
        return "api-keys/"
                + generated
                        .key()
                        .name()
                        .value()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace(' ', '-') + "-" + generated.key().id().value();
    }

    @Test
    void savesTheKeyWithItsMetadataRecordsWhereItWentAndCatalogsIt() {
        GeneratedKey generated = atStore("CI pipeline");

        WizardVaultService.SavedKey saved = service.saveKey(
                admin,
                generated.wizard().id(),
                local.id().value(),
                generated.plaintext().reveal());

        String path = "api-keys/ci-pipeline-" + generated.key().id().value();
        assertThat(saved.placement().path()).isEqualTo(path);
        assertThat(saved.placement().version()).isEqualTo(1);
        assertThat(saved.placement().vaultName()).isEqualTo("Local vault");
        assertThat(saved.wizard().step(clock.instant())).isEqualTo(WizardStep.STORE);
        assertThat(wizardRepository.stored(generated.wizard().id()).placements())
                .containsExactly(saved.placement());
        assertThat(plugins.value(localIntegration(), path, 1))
                .contains(generated.plaintext().reveal());
        assertThat(plugins.read(localIntegration(), path).orElseThrow().metadata())
                .containsEntry("title", "CI pipeline")
                .containsEntry("apiKeyId", generated.key().id().value())
                .containsEntry("expiresAt", generated.key().expiresAt().toString());
        assertThat(saved.item().path()).isEqualTo(path);
        assertThat(saved.item().holdsIssuedApiKey()).isTrue();
        assertThat(saved.item().ownerId()).isEqualTo(admin.id());
        assertThat(catalog.pageVisible(ItemType.SECRET, admin.id(), Set.of(), PageRequest.FIRST)
                        .items())
                .containsExactly(saved.item());
        assertThat(activities.only(ActivityType.WIZARD_SAVED_TO_VAULT).details())
                .containsEntry("path", path)
                .doesNotContainValue(generated.plaintext().reveal());
        assertThat(activities.only(ActivityType.ITEM_CREATED).details())
                .doesNotContainValue(generated.plaintext().reveal());
    }

    @Test
    void whenTheWriteFailsNothingIsRecordedOrCataloged() {
        FakeVaultPlugins broken = new FakeVaultPlugins().failWrites();
        WizardVaultService failing =
                new WizardVaultService(wizards, vaults, integrations, broken, catalog, activities, clock);
        GeneratedKey generated = atStore("Broken");

        assertThatThrownBy(() -> failing.saveKey(
                        admin,
                        generated.wizard().id(),
                        local.id().value(),
                        generated.plaintext().reveal()))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(broken.read(localIntegration(), pathOf(generated))).isEmpty();
        assertNothingRecordedOrCataloged(generated);
    }

    @Test
    void whenThePlacementIsRefusedTheWrittenVersionIsDiscarded() {
        // The wizard runs out of time while the vault writes: the placement is refused after the write succeeded.
        plugins.afterEachWrite(() -> clock.advance(Duration.ofMinutes(16)));
        GeneratedKey generated = atStore("Slow vault");

        assertThatThrownBy(() -> service.saveKey(
                        admin,
                        generated.wizard().id(),
                        local.id().value(),
                        generated.plaintext().reveal()))
                .isInstanceOfSatisfying(
                        IllegalWizardMoveException.class,
                        refused -> assertThat(refused.current()).isEqualTo(WizardStep.EXPIRED));

        assertThat(plugins.read(localIntegration(), pathOf(generated)))
                .as("no orphaned secret")
                .isEmpty();
        assertThat(plugins.value(localIntegration(), pathOf(generated), 1)).isEmpty();
        assertNothingRecordedOrCataloged(generated);
    }

    @Test
    void whenCatalogingFailsTheWrittenVersionIsDiscarded() {
        ItemRepository refusing = new ItemRepository() {
            @Override
            public Optional<Item> findById(ItemId id) {
                return Optional.empty();
            }

            @Override
            public Page<Item> pageVisible(ItemType type, UserId viewer, Set<TeamId> teams, PageRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Item> findAt(dev.latchkey.domain.integration.VaultId vaultId, String path) {
                return List.of();
            }

            @Override
            public void save(Item item) {
                throw new IllegalStateException("the catalog is unavailable");
            }
        };
        GeneratedKey generated = atStore("Catalog down");

        assertThatThrownBy(() -> serviceWith(vaults, refusing)
                        .saveKey(
                                admin,
                                generated.wizard().id(),
                                local.id().value(),
                                generated.plaintext().reveal()))
                .hasMessage("the catalog is unavailable");

        assertThat(plugins.read(localIntegration(), pathOf(generated)))
                .as("no orphaned secret")
                .isEmpty();
        assertThat(plugins.value(localIntegration(), pathOf(generated), 1)).isEmpty();
        // The placement row written before the failure is rolled back with the request's transaction.
        assertThat(activities.ofType(ActivityType.ITEM_CREATED)).isEmpty();
    }

    @Test
    void wrongKeyAndUnknownVaultAreReportedTogether() {
        GeneratedKey generated = atStore("Reporting");

        ValidationException invalid = catchThrowableOfType(
                ValidationException.class,
                () -> service.saveKey(admin, generated.wizard().id(), "nope", "lk_wrong"));

        assertThat(invalid.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(tuple("apiKey", "api_key_mismatch"), tuple("vaultId", "unknown_vault"));
        assertNothingRecordedOrCataloged(generated);
    }

    @Test
    void aDisabledVaultIsAConflictAndNothingIsWritten() {
        Vault team =
                vaults.create(Actor.of(admin), "Team", local.integrationId().value(), Optional.empty());
        vaults.update(Actor.of(admin), team.id(), Optional.empty(), Optional.of(false), Optional.empty());
        GeneratedKey generated = atStore("Disabled target");

        assertThatThrownBy(() -> service.saveKey(
                        admin,
                        generated.wizard().id(),
                        team.id().value(),
                        generated.plaintext().reveal()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("vault_disabled"));
        assertThat(plugins.read(localIntegration(), pathOf(generated))).isEmpty();
    }

    @Test
    void withoutVaultWriterTheKeyIsNotSaved() {
        WizardVaultService refusing = serviceWith(vaultsWith((person, integration) -> false), catalog);
        GeneratedKey generated = atStore("CI pipeline");

        assertThatThrownBy(() -> refusing.saveKey(
                        admin,
                        generated.wizard().id(),
                        local.id().value(),
                        generated.plaintext().reveal()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("vault_writer_required"));
        assertThat(plugins.read(localIntegration(), pathOf(generated)))
                .as("nothing written")
                .isEmpty();
        assertNothingRecordedOrCataloged(generated);
    }

    @Test
    void savingOutsideTheStoreStepIsAStepConflict() {
        GeneratedKey generated = atStore("Already done");
        wizards.acknowledge(admin, generated.wizard().id(), true);

        assertThatThrownBy(() -> service.saveKey(
                        admin,
                        generated.wizard().id(),
                        local.id().value(),
                        generated.plaintext().reveal()))
                .isInstanceOf(IllegalWizardMoveException.class);
        assertThat(plugins.read(localIntegration(), pathOf(generated))).isEmpty();
    }

    @Test
    void keyPathIsASlugOfTheNameAndTheKeyId() {
        GeneratedKey generated = atStore("  Ünïcode & Spaces!! ");

        assertThat(WizardVaultService.pathFor(generated.key()))
                .isEqualTo("api-keys/n-code-spaces-" + generated.key().id().value());
    }

    private void assertNothingRecordedOrCataloged(GeneratedKey generated) {
        ApiKeyWizard wizard = wizardRepository.stored(generated.wizard().id());
        assertThat(wizard.placements()).isEmpty();
        assertThat(activities.ofType(ActivityType.WIZARD_SAVED_TO_VAULT)).isEmpty();
        assertThat(activities.ofType(ActivityType.ITEM_CREATED)).isEmpty();
        assertThat(catalog.pageVisible(ItemType.SECRET, admin.id(), Set.of(), PageRequest.FIRST)
                        .items())
                .isEmpty();
    }
}
