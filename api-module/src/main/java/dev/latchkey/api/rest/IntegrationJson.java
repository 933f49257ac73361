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
    private IntegrationJson() {}

    public static Resource of(Integration integration, IntegrationHealth health) {
        return new Resource(
                integration.id().value(),
                "integration",
                new Attributes(
                        integration.name(),
                        integration.provider(),
                        integration.generation(),
                        integration.config().visible(),
                        List.copyOf(integration.config().sensitiveNames()),
                        new Health(health.up() ? "UP" : "DOWN", health.detail()),
                        integration.createdAt(),
                        integration.updatedAt()));
    }

    public static PlanDocument of(Plan plan) {
        return new PlanDocument(new PlanResource(
                plan.integrationId().map(id -> id.value()).orElse(null),
                "integration_plan",
                new PlanAttributes(
                        plan.action().wireName(),
                        plan.provider(),
                        plan.name(),
                        plan.changes().stream().map(IntegrationJson::of).toList(),
                        plan.warnings().stream().map(IntegrationJson::of).toList())));
    }

    private static Change of(AttributeChange change) {
        return new Change(
                change.pointer(),
                change.kind().wireName(),
                change.before().orElse(null),
                change.after().orElse(null),
                change.sensitive(),
                change.forcesReplacement());
    }

    private static DiagnosticJson of(ConfigDiagnostic diagnostic) {
        return new DiagnosticJson(
                diagnostic.severity(),
                diagnostic.summary(),
                diagnostic.detail(),
                diagnostic.attribute().isEmpty()
                        ? "/config"
                        : "/config/" + diagnostic.attribute().replace('.', '/'));
    }

    @Schema(name = "Integration", description = "A configured vault plugin.")
    public record Resource(
            @Schema(required = true, format = "uuid", examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d")
            String id,

            @Schema(required = true, enumeration = "integration", examples = "integration")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "IntegrationAttributes", description = "An integration's configuration, without sensitive values.")
    public record Attributes(
            @Schema(
                    required = true,
                    examples = "Team files",
                    description = "Unique among the workspace's integrations.")
            String name,

            @Schema(required = true, description = "The vault provider's id.", examples = "file")
            String provider,

            @Schema(
                    required = true,
                    description = "Counts replacements; each is a new, empty vault instance.",
                    examples = "1")
            int generation,

            @Schema(
                    required = true,
                    description = "The non-sensitive attributes as configured.",
                    examples = "{\"max_versions\": \"10\"}")
            Map<String, String> config,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    description = "Sensitive attributes that have a value; their values are write-only.",
                    examples = "[\"encryption_key\"]")
            List<String> sensitiveAttributes,

            @Schema(required = true, description = "Whether its storage works now.")
            Health health,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the integration was created.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When its configuration last changed.",
                    examples = "2026-11-27T11:00:00Z")
            Instant updatedAt) {}

    @Schema(name = "IntegrationHealth", description = "Whether the integration's storage works.")
    public record Health(
            @Schema(
                    required = true,
                    enumeration = {"UP", "DOWN"},
                    examples = "UP",
                    description = "UP when the storage answers.")
            String status,

            @Schema(required = true, description = "In an operator's words.", examples = "store is writable")
            String detail) {}

    @Schema(name = "IntegrationDocument", description = "One integration.")
    public record Document(@Schema(required = true) Resource data) {}

    @Schema(name = "IntegrationList", description = "Every integration, by name.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Resource.class)
            List<Resource> data) {}

    @Schema(name = "IntegrationPlanDocument", description = "What applying a configuration would do.")
    public record PlanDocument(@Schema(required = true) PlanResource data) {}

    @Schema(name = "IntegrationPlan", description = "A plan; nothing has been applied.")
    public record PlanResource(
            @Schema(
                    format = "uuid",
                    description = "The integration the plan is for; for a creation, the id it would "
                            + "have if applied now (applying assigns a fresh one).",
                    examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d")
            String id,

            @Schema(required = true, enumeration = "integration_plan", examples = "integration_plan")
            String type,

            @Schema(required = true) PlanAttributes attributes) {}

    @Schema(name = "IntegrationPlanAttributes", description = "The action, the changes and the plugin's warnings.")
    public record PlanAttributes(
            @Schema(
                    required = true,
                    enumeration = {"create", "update", "replace", "no-op"},
                    examples = "update",
                    description = "What applying would do to the integration.")
            String action,

            @Schema(required = true, examples = "file", description = "The vault provider's id.")
            String provider,

            @Schema(required = true, examples = "Team files", description = "The integration's name after applying.")
            String name,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = Change.class,
                    description = "Every attribute that would change.")
            List<Change> changes,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = DiagnosticJson.class,
                    description = "The plugin's errors and warnings; any error blocks applying.")
            List<DiagnosticJson> diagnostics) {}

    @Schema(name = "IntegrationChange", description = "One attribute-level change.")
    public record Change(
            @Schema(required = true, description = "JSON pointer into the request.", examples = "/config/max_versions")
            String pointer,

            @Schema(
                    required = true,
                    enumeration = {"add", "change", "remove"},
                    examples = "change",
                    description = "Whether the attribute is added, changed or removed.")
            String kind,

            @Schema(
                    description = "The value now; (sensitive) for sensitive attributes, absent when unset.",
                    examples = "10")
            String before,

            @Schema(
                    description = "The value after applying; (sensitive) for sensitive attributes, (known after "
                            + "apply) for values the platform chooses, absent when unset.",
                    examples = "20")
            String after,

            @Schema(
                    required = true,
                    description = "Whether the attribute is write-only, so its values are hidden.",
                    examples = "false")
            boolean sensitive,

            @Schema(
                    required = true,
                    description = "Whether this change alone makes the plan a replacement.",
                    examples = "false")
            boolean forcesReplacement) {}

    @Schema(name = "ConfigDiagnostic", description = "A plugin's finding about a configuration.")
    public record DiagnosticJson(
            @Schema(
                    required = true,
                    enumeration = {"error", "warning"},
                    examples = "warning",
                    description = "An error blocks applying; a warning does not.")
            String severity,

            @Schema(required = true, examples = "Many versions kept", description = "The finding in a few words.")
            String summary,

            @Schema(required = true, description = "How to fix it.", examples = "Keep 100 or fewer.")
            String detail,

            @Schema(required = true, description = "JSON pointer of the attribute.", examples = "/config/max_versions")
            String pointer) {}
}
