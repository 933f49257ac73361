package dev.latchkey.domain.integration;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans and applies integrations, Terraform-style: a plan says what applying a configuration would do and changes
 * nothing; applying runs exactly the same validation first. A configuration is always the whole desired state:
 * an attribute left out is unset (or gets the platform's default).
 */
public final class IntegrationService {
    static final int MAX_NAME_LENGTH = 100;

    private final IntegrationRepository integrations;
    private final VaultRepository vaults;
    private final VaultPlugins plugins;
    private final ActivityLog activities;
    private final Clock clock;

    public IntegrationService(
            IntegrationRepository integrations,
            VaultRepository vaults,
            VaultPlugins plugins,
            ActivityLog activities,
            Clock clock) {
        this.integrations = integrations;
        this.vaults = vaults;
        this.plugins = plugins;
        this.activities = activities;
        this.clock = clock;
    }

    public List<Integration> list() {
        return integrations.findAll();
    }

    public Integration get(IntegrationId id) {
        return integrations.findById(id).orElseThrow(() -> notFound(id));
    }

    public IntegrationHealth health(Integration integration) {
        return plugins.health(integration);
    }

    /** What creating an integration of {@code provider} would do. */
    public Plan planCreate(String provider, String name, Map<String, String> config) {
        return prepareCreate(provider, name, config, IntegrationId.generate()).plan();
    }

    /** What changing an integration would do; an absent part stays as it is. */
    public Plan planUpdate(IntegrationId id, Optional<String> name, Optional<Map<String, String>> config) {
        return prepareUpdate(get(id), name, config).plan();
    }

    public Integration create(Actor actor, String provider, String name, Map<String, String> config) {
        Prepared prepared = prepareCreate(provider, name, config, IntegrationId.generate());
        Instant now = clock.instant();
        Integration created = new Integration(
                prepared.plan().integrationId().orElseThrow(),
                prepared.plan().name(),
                prepared.plan().provider(),
                1,
                prepared.config(),
                now,
                now);
        integrations.save(created);
        record(ActivityType.INTEGRATION_CREATED, actor, created, now, prepared.plan());
        // Last, so that a plugin that cannot open rolls the whole creation back.
        plugins.activate(created);
        return created;
    }

    public Integration update(
            Actor actor, IntegrationId id, Optional<String> name, Optional<Map<String, String>> config) {
        Integration current = get(id);
        Prepared prepared = prepareUpdate(current, name, config);
        Instant now = clock.instant();
        Integration applied = switch (prepared.plan().action()) {
            case NO_OP -> current;
            case UPDATE -> current.updated(prepared.plan().name(), prepared.config(), now);
            case REPLACE -> current.replaced(prepared.plan().name(), prepared.config(), now);
            case CREATE -> throw new IllegalStateException("an update never plans a creation");
        };
        if (applied != current) {
            integrations.save(applied);
            record(
                    prepared.plan().action() == PlanAction.REPLACE
                            ? ActivityType.INTEGRATION_REPLACED
                            : ActivityType.INTEGRATION_UPDATED,
                    actor,
                    applied,
                    now,
                    prepared.plan());
            plugins.activate(applied);
        }
        return applied;
    }

    /** Deletes an integration that backs no vault; its stored secrets stay where the plugin put them. */
    public void delete(Actor actor, IntegrationId id) {
        Integration integration = get(id);
        List<Vault> backed = vaults.findByIntegration(id);
        if (!backed.isEmpty()) {
            throw new ConflictException(
                    "integration_in_use",
                    "the integration '" + integration.name()
                            + "' backs the vault(s) "
                            + backed.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "))
                            + "; move or remove those vaults first");
        }
        integrations.delete(id);
        Instant now = clock.instant();
        activities.record(Activity.of(
                ActivityType.INTEGRATION_DELETED,
                now,
                actor,
                "integration",
                id.value(),
                Map.of("name", integration.name(), "provider", integration.provider())));
        plugins.deactivate(id);
    }

    private Prepared prepareCreate(String provider, String name, Map<String, String> config, IntegrationId id) {
        Violations violations = new Violations();
        Optional<ProviderSchema> schema = knownProvider(provider, violations);
        Optional<String> checkedName = violations.collect(() -> checkName(name, Optional.empty()));
        Map<String, String> given = config == null ? Map.of() : config;
        Map<String, String> platform =
                schema.map(s -> plugins.platformDefaults(s.id(), id)).orElse(Map.of());
        Map<String, String> effective = withDefaults(given, platform);
        List<ConfigDiagnostic> diagnostics =
                schema.map(s -> validate(s, id, effective, violations)).orElse(List.of());
        violations.throwIfAny();

        ProviderSchema known = schema.orElseThrow();
        IntegrationConfig after = IntegrationConfig.of(effective, known);
        List<AttributeChange> changes = new ArrayList<>();
        changes.add(
                new AttributeChange("/name", AttributeChange.Kind.ADD, Optional.empty(), checkedName, false, false));
        for (AttributeChange change : configChanges(known, IntegrationConfig.EMPTY, after)) {
            boolean chosenByPlatform =
                    !given.containsKey(attributeOf(change)) && platform.containsKey(attributeOf(change));
            changes.add(
                    chosenByPlatform
                            ? new AttributeChange(
                                    change.pointer(),
                                    change.kind(),
                                    Optional.empty(),
                                    Optional.of(AttributeChange.KNOWN_AFTER_APPLY),
                                    change.sensitive(),
                                    false)
                            : change);
        }
        return new Prepared(
                new Plan(
                        PlanAction.CREATE,
                        Optional.of(id),
                        known.id(),
                        checkedName.orElseThrow(),
                        changes,
                        warnings(diagnostics)),
                after);
    }

    private Prepared prepareUpdate(Integration current, Optional<String> name, Optional<Map<String, String>> config) {
        Violations violations = new Violations();
        Optional<ProviderSchema> schema = knownProvider(current.provider(), violations);
        Optional<String> checkedName =
                name.flatMap(n -> violations.collect(() -> checkName(n, Optional.of(current.id()))));
        Map<String, String> effective = config.map(
                        given -> withDefaults(given, plugins.platformDefaults(current.provider(), current.id())))
                .orElse(current.config().values());
        List<ConfigDiagnostic> diagnostics = schema.map(s -> validate(s, current.id(), effective, violations))
                .orElse(List.of());
        violations.throwIfAny();

        ProviderSchema known = schema.orElseThrow();
        IntegrationConfig after = IntegrationConfig.of(effective, known);
        String newName = checkedName.orElse(current.name());
        List<AttributeChange> changes = new ArrayList<>();
        if (!newName.equals(current.name())) {
            changes.add(new AttributeChange(
                    "/name",
                    AttributeChange.Kind.CHANGE,
                    Optional.of(current.name()),
                    Optional.of(newName),
                    false,
                    false));
        }
        changes.addAll(configChanges(known, current.config(), after));
        PlanAction action = changes.isEmpty()
                ? PlanAction.NO_OP
                : changes.stream().anyMatch(AttributeChange::forcesReplacement)
                        ? PlanAction.REPLACE
                        : PlanAction.UPDATE;
        return new Prepared(
                new Plan(
                        action, Optional.of(current.id()), current.provider(), newName, changes, warnings(diagnostics)),
                after);
    }

    /** Attribute by attribute, comparing effective values (explicit or default); sensitive values stay hidden. */
    static List<AttributeChange> configChanges(
            ProviderSchema schema, IntegrationConfig before, IntegrationConfig after) {
        Set<String> names = new LinkedHashSet<>();
        schema.attributes().forEach(a -> names.add(a.name()));
        names.addAll(before.values().keySet());
        names.addAll(after.values().keySet());
        List<AttributeChange> changes = new ArrayList<>();
        for (String name : names) {
            Optional<AttributeSpec> spec = schema.attribute(name);
            Optional<String> defaultText = spec.flatMap(AttributeSpec::defaultText);
            Optional<String> was = before.text(name);
            Optional<String> will = after.text(name);
            if (IntegrationConfig.sameText(was.or(() -> defaultText), will.or(() -> defaultText))) {
                continue;
            }
            boolean sensitive = spec.map(AttributeSpec::sensitive).orElse(false)
                    || before.isSensitive(name)
                    || after.isSensitive(name);
            AttributeChange.Kind kind = was.isEmpty()
                    ? AttributeChange.Kind.ADD
                    : will.isEmpty() ? AttributeChange.Kind.REMOVE : AttributeChange.Kind.CHANGE;
            changes.add(new AttributeChange(
                    "/config/" + name,
                    kind,
                    shown(was, sensitive),
                    shown(will, sensitive),
                    sensitive,
                    spec.map(AttributeSpec::requiresReplace).orElse(false)));
        }
        return changes;
    }

    private static Optional<String> shown(Optional<String> value, boolean sensitive) {
        return sensitive ? value.map(v -> AttributeChange.SENSITIVE) : value;
    }

    private static String attributeOf(AttributeChange change) {
        return change.pointer().substring("/config/".length());
    }

    private Optional<ProviderSchema> knownProvider(String provider, Violations violations) {
        if (provider == null || provider.isBlank()) {
            violations.add(new Violation(
                    "type",
                    "required",
                    "type is required: the id of a vault provider, such as "
                            + "file; GET /api/v1/vault-providers lists them"));
            return Optional.empty();
        }
        Optional<ProviderSchema> schema = plugins.provider(provider);
        if (schema.isEmpty()) {
            violations.add(new Violation(
                    "type",
                    "unknown_provider",
                    "'" + provider + "' is not a vault provider; use one of "
                            + plugins.providers().stream()
                                    .map(ProviderSchema::id)
                                    .toList()));
        }
        return schema;
    }

    private String checkName(String name, Optional<IntegrationId> except) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(
                    new Violation("name", "invalid_name", "name is required: 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        if (integrations.nameTaken(trimmed, except)) {
            throw new ValidationException(new Violation(
                    "name",
                    "name_taken",
                    "another integration is already named '" + trimmed + "'; choose a different name"));
        }
        return trimmed;
    }

    private List<ConfigDiagnostic> validate(
            ProviderSchema schema, IntegrationId id, Map<String, String> config, Violations violations) {
        List<ConfigDiagnostic> diagnostics = plugins.validate(schema.id(), id, config);
        diagnostics.stream()
                .filter(ConfigDiagnostic::error)
                .map(ConfigDiagnostic::toViolation)
                .forEach(violations::add);
        return diagnostics;
    }

    private static Map<String, String> withDefaults(Map<String, String> given, Map<String, String> platform) {
        Map<String, String> effective = new HashMap<>(platform);
        effective.putAll(given);
        return effective;
    }

    private static List<ConfigDiagnostic> warnings(List<ConfigDiagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> !d.error()).toList();
    }

    private void record(ActivityType type, Actor actor, Integration integration, Instant now, Plan plan) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", integration.name());
        details.put("provider", integration.provider());
        details.put("generation", Integer.toString(integration.generation()));
        // Which attributes changed, never their values.
        details.put(
                "changed", plan.changes().stream().map(AttributeChange::pointer).collect(Collectors.joining(" ")));
        activities.record(
                Activity.of(type, now, actor, "integration", integration.id().value(), details));
    }

    private static NotFoundException notFound(IntegrationId id) {
        return new NotFoundException("integration_not_found", "no integration with id " + id);
    }

    /** A plan together with the configuration it would store. */
    private record Prepared(Plan plan, IntegrationConfig config) {}
}
