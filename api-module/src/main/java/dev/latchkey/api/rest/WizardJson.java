package dev.latchkey.api.rest;

import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a wizard run appears in the API. Only {@link #withKey} ever puts a plaintext key in it. */
public final class WizardJson {
    private WizardJson() {}

    public static Document of(ApiKeyWizard wizard, Instant now) {
        return new Document(resource(wizard, now, null));
    }

    /** The scopes step's response: the one and only place a plaintext key appears. */
    public static Document withKey(ApiKeyWizard wizard, Instant now, PlaintextApiKey key) {
        return new Document(resource(wizard, now, key.reveal()));
    }

    private static Resource resource(ApiKeyWizard wizard, Instant now, String plaintext) {
        var details = wizard.details();
        return new Resource(
                wizard.id().value(),
                "api_key_wizard",
                new Attributes(
                        wizard.step(now).wireName(),
                        wizard.startedAt(),
                        wizard.deadline(),
                        details.map(d -> d.name().value()).orElse(null),
                        details.map(d -> d.expiration().preset().wireName()).orElse(null),
                        details.flatMap(d -> d.expiration().customExpiresAt()).orElse(null),
                        wizard.scopes().map(s -> s.wireNames()).orElse(null),
                        wizard.keyId().map(id -> id.value()).orElse(null),
                        wizard.keyId().map(id -> id.masked()).orElse(null),
                        plaintext,
                        wizard.placements().stream()
                                .map(p -> new Placement(p.vaultId(), p.vaultName(), p.path(), p.version()))
                                .toList()));
    }

    @Schema(name = "ApiKeyWizardDocument", description = "One wizard run.")
    public record Document(@Schema(required = true) Resource data) {}

    @Schema(name = "ApiKeyWizard", description = "A run of the Generate API key wizard.")
    public record Resource(
            @Schema(required = true, format = "uuid", examples = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f")
            String id,

            @Schema(required = true, enumeration = "api_key_wizard", examples = "api_key_wizard")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(
            name = "ApiKeyWizardAttributes",
            description = "Where the wizard stands and what has been entered. "
                    + "apiKey is present only in the response to the scopes step.")
    public record Attributes(
            @Schema(
                    required = true,
                    enumeration = {"details", "scopes", "store", "acknowledged", "cancelled", "expired"},
                    examples = "details",
                    description = "Where the wizard stands; acknowledged, cancelled and expired are final.")
            String step,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the wizard was started.",
                    examples = "2026-11-27T10:15:30Z")
            Instant startedAt,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the wizard expires unless it has been acknowledged.",
                    examples = "2026-11-27T10:30:30Z")
            Instant expiresAt,

            @Schema(description = "The key's name, once details are submitted.", examples = "CI pipeline")
            String name,

            @Schema(
                    enumeration = {"1h", "12h", "1d", "5d", "1y", "custom"},
                    examples = "5d",
                    description = "The chosen lifetime preset, once details are submitted.")
            String expiration,

            @Schema(
                    format = "date-time",
                    description = "The chosen date, with expiration custom.",
                    examples = "2027-03-01T12:00:00Z")
            Instant customExpiresAt,

            @Schema(
                    type = SchemaType.ARRAY,
                    description = "The chosen scopes, once submitted.",
                    examples = "[\"read:users\"]")
            List<String> scopes,

            @Schema(description = "The generated key's public id, from the store step on.", examples = "7Hq2VbX9kLm3")
            String apiKeyId,

            @Schema(description = "The generated key in masked form.", examples = "lk_7Hq2VbX9kLm3_…")
            String maskedKey,

            @Schema(
                    description = "The whole key. Present only in the scopes step's response: store it now, it is "
                            + "never shown again.",
                    examples = "lk_7Hq2VbX9kLm3_0123456789abcdefghijABCDEFGHIJkl3XyZ9q")
            String apiKey,

            @Schema(
                    required = true,
                    type = SchemaType.ARRAY,
                    implementation = Placement.class,
                    description = "Vaults the key was saved in.")
            List<Placement> savedIn) {
        @Override
        public String toString() {
            return "WizardAttributes[step=" + step + ", apiKeyId=" + apiKeyId + "]";
        }
    }

    @Schema(name = "VaultPlacement", description = "Where the key was saved: never the key itself.")
    public record Placement(
            @Schema(required = true, description = "The vault the key was saved in.", examples = "local")
            String vaultId,

            @Schema(required = true, examples = "Local vault", description = "The vault's display name.")
            String vaultName,

            @Schema(required = true, examples = "api-keys/ci-pipeline", description = "Where in the vault the key is.")
            String path,

            @Schema(required = true, examples = "1", description = "The version the vault gave the saved key.")
            long version) {}
}
