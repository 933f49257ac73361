package dev.latchkey.domain.integration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a configuration would do: the action, the attribute-level changes and the plugin's warnings.
 * Computing a plan changes nothing.
 */
public record Plan(
        PlanAction action,
        Optional<IntegrationId> integrationId,
        String provider,
        String name,
        List<AttributeChange> changes,
        List<ConfigDiagnostic> warnings) {
    public Plan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }
}
