package dev.latchkey.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.testing.FakeVaultPlugins;
import dev.latchkey.domain.testing.InMemoryIntegrationRepository;
import dev.latchkey.domain.testing.InMemoryVaultRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans and applies integrations against a fake plugin catalog. */
class IntegrationServiceTest {
    private static final String KEY = "c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=";

    private final InMemoryIntegrationRepository integrations = new InMemoryIntegrationRepository();
    private final InMemoryVaultRepository vaults = new InMemoryVaultRepository();
    private final FakeVaultPlugins plugins = new FakeVaultPlugins();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final MutableClock clock = new MutableClock();
    private final IntegrationService service = new IntegrationService(integrations, vaults, plugins, activities, clock);
    private final Actor actor = Actor.of(People.admin());

    @Test
    void planForANewIntegrationListsEveryAttributeAndStoresNothing() {
        Plan plan = service.planCreate("files", "Team files", Map.of("directory", "/srv/a", "key", KEY));

        assertThat(plan.action()).isEqualTo(PlanAction.CREATE);
        assertThat(plan.changes())
                .extracting(AttributeChange::pointer, AttributeChange::after)
                .containsExactly(
                        tuple("/name", Optional.of("Team files")),
                        tuple("/config/directory", Optional.of("/srv/a")),
                        tuple("/config/key", Optional.of(AttributeChange.SENSITIVE)));
        assertThat(integrations.findAll()).isEmpty();
        assertThat(activities.all()).isEmpty();
    }

    @Test
    void planShowsPlatformChosenValuesAsKnownAfterApply() {
        Plan plan = service.planCreate("local-db", "Second database vault", Map.of());

        assertThat(plan.changes())
                .extracting(AttributeChange::pointer, AttributeChange::after)
                .contains(tuple("/config/namespace", Optional.of(AttributeChange.KNOWN_AFTER_APPLY)));
    }

    @Test
    void createStoresTheConfigWithThePlatformDefaultsAndOpensIt() {
        Integration created = service.create(actor, "local-db", "  Database  ", Map.of());

        assertThat(created.name()).isEqualTo("Database");
        assertThat(created.config().text("namespace")).contains(created.id().value());
        assertThat(plugins.activations()).containsExactly(created);
        assertThat(activities.only(ActivityType.INTEGRATION_CREATED).details())
                .containsEntry("provider", "local-db")
                .containsEntry("name", "Database");
    }

    @Test
    void changingAnUpdatableAttributeIsAnUpdate() {
        Integration created = service.create(actor, "files", "Files", Map.of("directory", "/srv/a"));

        Plan plan = service.planUpdate(
                created.id(), Optional.empty(), Optional.of(Map.of("directory", "/srv/a", "max_versions", "3")));

        assertThat(plan.action()).isEqualTo(PlanAction.UPDATE);
        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.pointer()).isEqualTo("/config/max_versions");
            assertThat(change.kind()).isEqualTo(AttributeChange.Kind.ADD);
            assertThat(change.forcesReplacement()).isFalse();
        });
        assertThat(integrations.findById(created.id()).orElseThrow().config().text("max_versions"))
                .isEmpty();
    }

    @Test
    void changingARequiresReplaceAttributeIsAReplacementWithANewGeneration() {
        Integration created = service.create(actor, "files", "Files", Map.of("directory", "/srv/a"));

        Integration replaced =
                service.update(actor, created.id(), Optional.empty(), Optional.of(Map.of("directory", "/srv/b")));

        assertThat(replaced.generation()).isEqualTo(2);
        assertThat(replaced.id()).isEqualTo(created.id());
        assertThat(activities.only(ActivityType.INTEGRATION_REPLACED).details())
                .containsEntry("changed", "/config/directory");
        assertThat(plugins.activations()).last().isEqualTo(replaced);
    }

    @Test
    void sameConfigurationIsANoOpThatAppliesNothing() {
        Integration created = service.create(actor, "files", "Files", Map.of("directory", "/srv/a", "key", KEY));

        Plan plan = service.planUpdate(
                created.id(),
                Optional.of("Files"),
                Optional.of(Map.of("directory", "/srv/a", "key", KEY, "max_versions", "10")));
        Integration applied = service.update(
                actor, created.id(), Optional.empty(), Optional.of(Map.of("directory", "/srv/a", "key", KEY)));

        assertThat(plan.action()).as("an explicit default equals the default").isEqualTo(PlanAction.NO_OP);
        assertThat(applied).isSameAs(integrations.findById(created.id()).orElseThrow());
        assertThat(activities.ofType(ActivityType.INTEGRATION_UPDATED)).isEmpty();
    }

    @Test
    void changedSensitiveValueIsPlannedWithoutShowingEitherValue() {
        Integration created = service.create(actor, "files", "Files", Map.of("key", KEY));

        Plan plan = service.planUpdate(created.id(), Optional.empty(), Optional.of(Map.of("key", KEY + "x")));

        assertThat(plan.action()).isEqualTo(PlanAction.REPLACE);
        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.before()).contains(AttributeChange.SENSITIVE);
            assertThat(change.after()).contains(AttributeChange.SENSITIVE);
        });
        assertThat(plan.toString()).doesNotContain(KEY);
    }

    @Test
    void invalidConfigReportsEveryProblemAtItsAttributePath() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class,
                () -> service.create(actor, "files", "", Map.of("max_versions", "many", "colour", "blue")));

        assertThat(invalid.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("name", "invalid_name"),
                        tuple("config/colour", "invalid_config"),
                        tuple("config/max_versions", "invalid_config"));
        assertThat(integrations.findAll()).isEmpty();
    }

    @Test
    void unknownProviderIsRejectedAtType() {
        ValidationException invalid = catchThrowableOfType(
                ValidationException.class, () -> service.planCreate("ftp", "Old server", Map.of()));

        assertThat(invalid.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("type", "unknown_provider"));
    }

    @Test
    void warningsDoNotBlockAndAppearInThePlan() {
        Plan plan = service.planCreate("files", "Files", Map.of("max_versions", "5000"));

        assertThat(plan.warnings()).extracting(ConfigDiagnostic::summary).containsExactly("Many versions kept");
    }

    @Test
    void integrationBackingAVaultCannotBeDeleted() {
        Integration created = service.create(actor, "files", "Files", Map.of());
        vaults.save(new Vault(VaultId.generate(), "Team", created.id(), true, true, clock.instant()));

        ConflictException conflict =
                catchThrowableOfType(ConflictException.class, () -> service.delete(actor, created.id()));

        assertThat(conflict.code()).isEqualTo("integration_in_use");
        assertThat(conflict.getMessage()).contains("'Team'");
        assertThat(integrations.findById(created.id())).isPresent();
    }

    @Test
    void unusedIntegrationIsDeletedAndClosed() {
        Integration created = service.create(actor, "files", "Files", Map.of());

        service.delete(actor, created.id());

        assertThat(integrations.findAll()).isEmpty();
        assertThat(plugins.health(created).up()).isFalse();
        assertThat(activities.only(ActivityType.INTEGRATION_DELETED).subjectId())
                .isEqualTo(created.id().value());
    }

    @Test
    void configToStringMasksSensitiveValues() {
        IntegrationConfig config =
                IntegrationConfig.of(Map.of("key", KEY, "directory", "/srv"), FakeVaultPlugins.FILES);

        assertThat(config.toString()).contains("directory=/srv", "key=***").doesNotContain(KEY);
        assertThat(config.visible()).containsOnlyKeys("directory");
    }
}
