package dev.latchkey.api.rest;

import dev.latchkey.domain.integration.AttributeChange;
import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How integrations and plans appear in the API. Sensitive values never do: only the names of those that are set. */
public final class IntegrationJson {
    private IntegrationJson() {
    }

    public static Resource of(Integration integration, IntegrationHealth health) {
        return new Resource(integration.id().value(), "integration", new Attributes(integration.name(),
                integration.provider(), integration.generation(), integration.config().visible(),
                List.copyOf(integration.config().sensitiveNames()),
                new Health(health.up() ? "UP" : "DOWN", health.detail()), integration.createdAt(),
                integration.updatedAt()));
    }

    public static PlanDocument of(Plan plan) {
        return new PlanDocument(new PlanResource(plan.integrationId().map(id -> id.value()).orElse(null),
                "integration_plan", new PlanAttributes(plan.action().wireName(), plan.provider(), plan.name(),
                plan.changes().stream().map(IntegrationJson::of).toList(),
                plan.warnings().stream().map(IntegrationJson::of).toList())));
    }

    private static Change of(AttributeChange change) {
        return new Change(change.pointer(), change.kind().wireName(), change.before().orElse(null),
                change.after().orElse(null), change.sensitive(), change.forcesReplacement());
    }

    private static DiagnosticJson of(ConfigDiagnostic diagnostic) {
        return new DiagnosticJson(diagnostic.severity(), diagnostic.summary(), diagnostic.detail(),
                diagnostic.attribute().isEmpty() ? "/config" : "/config/" + diagnostic.attribute().replace('.', '/'));
    }

    @Schema(name = "Integration", description = "A configured vault plugin.")
    public record Resource(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, enumeration = "integration", examples = "integration") String type,
            @Schema(required = true) Attributes attributes) {
    }

    @Schema(name = "IntegrationAttributes", description = "An integration's configuration, without sensitive values.")
    public record Attributes(
            @Schema(required = true, examples = "Team files") String name,
            @Schema(required = true, description = "The vault provider's id.", examples = "file") String provider,
            @Schema(required = true, description = "Counts replacements; each is a new, empty vault instance.",
                    examples = "1") int generation,
            @Schema(required = true, description = "The non-sensitive attributes as configured.",
                    examples = "{\"max_versions\": \"10\"}") Map<String, String> config,
            @Schema(required = true, type = SchemaType.ARRAY, description = "Sensitive attributes that have a value; "
                    + "their values are write-only.", examples = "[\"encryption_key\"]") List<String> sensitiveAttributes,
            @Schema(required = true) Health health,
            @Schema(required = true, format = "date-time") Instant createdAt,
            @Schema(required = true, format = "date-time") Instant updatedAt) {
    }

    @Schema(name = "IntegrationHealth", description = "Whether the integration's storage works.")
    public record Health(
            @Schema(required = true, enumeration = {"UP", "DOWN"}, examples = "UP") String status,
            @Schema(required = true, description = "In an operator's words.", examples = "store is writable")
            String detail) {
    }

    @Schema(name = "IntegrationDocument", description = "One integration.")
    public record Document(@Schema(required = true) Resource data) {
    }

    @Schema(name = "IntegrationList", description = "Every integration, by name.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Resource.class) List<Resource> data) {
    }

    @Schema(name = "IntegrationPlanDocument", description = "What applying a configuration would do.")
    public record PlanDocument(@Schema(required = true) PlanResource data) {
    }

    @Schema(name = "IntegrationPlan", description = "A plan; nothing has been applied.")
    public record PlanResource(
            @Schema(format = "uuid", description = "The integration the plan is for; for a creation, the id it would "
                    + "have if applied now (applying assigns a fresh one).") String id,
            @Schema(required = true, enumeration = "integration_plan", examples = "integration_plan") String type,
            @Schema(required = true) PlanAttributes attributes) {
    }

    @Schema(name = "IntegrationPlanAttributes", description = "The action, the changes and the plugin's warnings.")
    public record PlanAttributes(
            @Schema(required = true, enumeration = {"create", "update", "replace", "no-op"}, examples = "update")
            String action,
            @Schema(required = true, examples = "file") String provider,
            @Schema(required = true, examples = "Team files") String name,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Change.class) List<Change> changes,
            @Schema(required = true, type = SchemaType.ARRAY, implementation = DiagnosticJson.class)
            List<DiagnosticJson> diagnostics) {
    }

    @Schema(name = "IntegrationChange", description = "One attribute-level change.")
    public record Change(
            @Schema(required = true, description = "JSON pointer into the request.", examples = "/config/max_versions")
            String pointer,
            @Schema(required = true, enumeration = {"add", "change", "remove"}, examples = "change") String kind,
            @Schema(description = "The value now; (sensitive) for sensitive attributes, absent when unset.",
                    examples = "10") String before,
            @Schema(description = "The value after applying; (sensitive) for sensitive attributes, (known after "
                    + "apply) for values the platform chooses, absent when unset.", examples = "20") String after,
            @Schema(required = true) boolean sensitive,
            @Schema(required = true, description = "Whether this change alone makes the plan a replacement.")
            boolean forcesReplacement) {
    }

    @Schema(name = "ConfigDiagnostic", description = "A plugin's finding about a configuration.")
    public record DiagnosticJson(
            @Schema(required = true, enumeration = {"error", "warning"}, examples = "warning") String severity,
            @Schema(required = true, examples = "Many versions kept") String summary,
            @Schema(required = true, description = "How to fix it.", examples = "Keep 100 or fewer.") String detail,
            @Schema(required = true, description = "JSON pointer of the attribute.", examples = "/config/max_versions")
            String pointer) {
    }
}
