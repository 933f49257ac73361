package dev.latchkey.api.rest;

import dev.latchkey.domain.integration.AttributeSpec;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.ProviderSchema;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.Vault;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How vaults, vault providers and stored secrets' metadata appear in the API. Never a secret value. */
public final class VaultJson {
    private VaultJson() {}

    public static Resource of(Vault vault, String provider) {
        return new Resource(
                vault.id().value(),
                "vault",
                new Attributes(
                        vault.name(),
                        vault.integrationId().value(),
                        provider,
                        vault.isDefault(),
                        vault.enabled(),
                        vault.createdAt()));
    }

    /** The vaults in the given order; {@code providerOf} names each one's integration's provider. */
    public static ListDocument list(List<Vault> vaults, Function<IntegrationId, String> providerOf) {
        return new ListDocument(vaults.stream()
                .map(v -> of(v, providerOf.apply(v.integrationId())))
                .toList());
    }

    public static ProviderResource of(ProviderSchema provider) {
        return new ProviderResource(
                provider.id(),
                "vault_provider",
                new ProviderAttributes(
                        provider.description(),
                        provider.origin(),
                        provider.attributes().stream().map(VaultJson::of).toList()));
    }

    private static AttributeJson of(AttributeSpec spec) {
        return new AttributeJson(
                spec.name(),
                spec.type(),
                spec.required(),
                spec.defaultText().orElse(null),
                spec.sensitive(),
                spec.requiresReplace(),
                spec.description());
    }

    public static SecretDocument of(StoredSecret secret) {
        return new SecretDocument(new SecretResource(
                secret.path(),
                "vault_secret",
                new SecretAttributes(secret.path(), secret.version(), secret.createdAt(), secret.metadata())));
    }

    @Schema(name = "Vault", description = "A named place for secrets, backed by one integration.")
    public record Resource(
            @Schema(required = true, format = "uuid", examples = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
            String id,

            @Schema(required = true, enumeration = "vault", examples = "vault")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "VaultAttributes", description = "What a vault is and whether it takes new secrets.")
    public record Attributes(
            @Schema(required = true, examples = "Local vault", description = "Unique among the workspace's vaults.")
            String name,

            @Schema(
                    required = true,
                    format = "uuid",
                    description = "The integration that stores its secrets.",
                    examples = "0e4a9b3c-6d2f-4f1a-8b7e-5c3d2a1f0e9d")
            String integrationId,

            @Schema(required = true, description = "The integration's vault provider.", examples = "local-db")
            String provider,

            @Schema(
                    required = true,
                    description = "The vault offered first; exactly one vault is the default.",
                    examples = "true")
            boolean isDefault,

            @Schema(required = true, description = "A disabled vault accepts no new secrets.", examples = "true")
            boolean enabled,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the vault was created.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt) {}

    @Schema(name = "VaultDocument", description = "One vault.")
    public record Document(@Schema(required = true) Resource data) {}

    @Schema(name = "VaultList", description = "Vaults, the default first.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Resource.class)
            List<Resource> data) {}

    @Schema(name = "VaultProvider", description = "A discovered vault plugin and its configuration schema.")
    public record ProviderResource(
            @Schema(required = true, description = "The id integrations name as their type.", examples = "file")
            String id,

            @Schema(required = true, enumeration = "vault_provider", examples = "vault_provider")
            String type,

            @Schema(required = true) ProviderAttributes attributes) {}

    @Schema(name = "VaultProviderAttributes", description = "What a vault plugin does and how to configure it.")
    public record ProviderAttributes(
            @Schema(
                    required = true,
                    examples = "Encrypted files in a directory.",
                    description = "What the plugin stores and where.")
            String description,

            @Schema(
                    required = true,
                    description = "built-in, or the file name of the plugin's jar.",
                    examples = "built-in")
            String origin,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = AttributeJson.class,
                    description = "The configuration attributes the plugin takes.")
            List<AttributeJson> schema) {}

    @Schema(name = "VaultProviderAttribute", description = "One configuration attribute of a vault provider.")
    public record AttributeJson(
            @Schema(required = true, examples = "max_versions", description = "The attribute's name in config.")
            String name,

            @Schema(
                    required = true,
                    enumeration = {"string", "integer", "boolean", "path", "writable_path", "duration", "secret"},
                    examples = "integer")
            String type,

            @Schema(required = true, description = "Whether a configuration must give it.", examples = "false")
            boolean required,

            @Schema(
                    description = "The value when none is given; never shown for sensitive attributes.",
                    examples = "10")
            String defaultValue,

            @Schema(
                    required = true,
                    description = "Write-only: accepted, never returned or logged.",
                    examples = "false")
            boolean sensitive,

            @Schema(
                    required = true,
                    description = "Changing it replaces the vault instance with a new, empty one.",
                    examples = "false")
            boolean requiresReplace,

            @Schema(
                    required = true,
                    examples = "How many versions of each secret to keep.",
                    description = "What the attribute means.")
            String description) {}

    @Schema(name = "VaultSecretDocument", description = "A stored secret's latest version, without its value.")
    public record SecretDocument(@Schema(required = true) SecretResource data) {}

    @Schema(name = "VaultSecret", description = "A secret in a vault, identified by its path.")
    public record SecretResource(
            @Schema(required = true, examples = "api-keys/ci-pipeline-7Hq2VbX9kLm3")
            String id,

            @Schema(required = true, enumeration = "vault_secret", examples = "vault_secret")
            String type,

            @Schema(required = true) SecretAttributes attributes) {}

    @Schema(name = "VaultSecretAttributes", description = "Version and metadata; the value never leaves the vault.")
    public record SecretAttributes(
            @Schema(
                    required = true,
                    examples = "api-keys/ci-pipeline-7Hq2VbX9kLm3",
                    description = "Where the secret is in the vault.")
            String path,

            @Schema(required = true, examples = "1", description = "The latest version's number, from 1.")
            long version,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the latest version was written.",
                    examples = "2026-11-27T10:16:02Z")
            Instant createdAt,

            @Schema(
                    required = true,
                    description = "For a wizard's key: title, apiKeyId and expiresAt.",
                    examples = "{\"title\": \"CI pipeline\", \"apiKeyId\": \"7Hq2VbX9kLm3\"}")
            Map<String, String> metadata) {}
}
