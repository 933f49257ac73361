package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.item.WizardVaultService;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.DetailsChoice;
import dev.latchkey.domain.wizard.GeneratedKey;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Generate API key wizard: details → scopes → store → acknowledged. Each call is one move; a move out of order
 * is a 409 that names the current step. Only the person who started a wizard can see it.
 */
@Path("v1/api-key-wizards")
@RequestScoped
@Tag(name = "API key wizard")
@Produces(MediaType.APPLICATION_JSON)
public class WizardResource {
    @Inject
    WizardService wizards;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Inject
    VaultService vaults;

    @Inject
    WizardVaultService vaultSaves;

    @Inject
    IntegrationService integrations;

    @POST
    @Guarded(Permission.START_WIZARD)
    @Transactional
    @Operation(
            operationId = "startApiKeyWizard",
            summary = "Start the Generate API key wizard",
            description = "Starts at the details step. The wizard "
                    + "expires if it is not acknowledged within the configured timeout (15 minutes by default).")
    @APIResponse(
            responseCode = "201",
            description = "The new wizard run, at the details step.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyWizardDocument")))
    public Response start() {
        ApiKeyWizard wizard = wizards.start(caller.person());
        return Response.status(201)
                .entity(WizardJson.of(wizard, clock.instant()))
                .build();
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_WIZARD)
    @Operation(
            operationId = "getApiKeyWizard",
            summary = "Get a wizard run",
            description = "The current step and the values entered so far; never the key.")
    public WizardJson.Document get(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return WizardJson.of(wizards.get(caller.person(), PathId.WIZARD.parse(id)), clock.instant());
    }

    @PUT
    @Path("{id}/details")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.SUBMIT_WIZARD_DETAILS)
    @Transactional
    @Operation(
            operationId = "submitApiKeyWizardDetails",
            summary = "Submit the details step",
            description = "Names the key and chooses when it expires; moves to "
                    + "the scopes step. Every invalid field is reported at once.")
    @APIResponse(
            responseCode = "409",
            description = "The wizard is not at a step where this move is allowed; meta.currentStep names its step.")
    public WizardJson.Document details(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            DetailsRequest request) {
        WizardId wizardId = PathId.WIZARD.parse(id);
        // An unknown wizard is a 404 whatever the body holds, so it is looked up before the body is parsed.
        wizards.get(caller.person(), wizardId);
        ApiKeyWizard wizard = wizards.submitDetails(caller.person(), wizardId, request.toChoice());
        return WizardJson.of(wizard, clock.instant());
    }

    @POST
    @Path("{id}/back")
    @Guarded(Permission.WIZARD_BACK)
    @Transactional
    @Operation(
            operationId = "goBackInApiKeyWizard",
            summary = "Go back to the details step",
            description = "Allowed only from the scopes step.")
    @APIResponse(
            responseCode = "409",
            description = "The wizard is not at a step where this move is allowed; meta.currentStep names its step.")
    public WizardJson.Document back(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return WizardJson.of(wizards.back(caller.person(), PathId.WIZARD.parse(id)), clock.instant());
    }

    @PUT
    @Path("{id}/scopes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.SUBMIT_WIZARD_SCOPES)
    @Transactional
    @Operation(
            operationId = "submitApiKeyWizardScopes",
            summary = "Submit the scopes step and generate the key",
            description = "Generates the key and moves to "
                    + "the store step. This response, and no other ever, carries the whole key in attributes.apiKey. "
                    + "The key works only after the acknowledgement.")
    @APIResponse(
            responseCode = "200",
            description = "The wizard at the store step, with the whole key in attributes.apiKey: shown this once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyWizardDocument")))
    @APIResponse(
            responseCode = "409",
            description = "The wizard is not at a step where this move is allowed; meta.currentStep names its step.")
    public Response scopes(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            ScopesRequest request) {
        WizardId wizardId = PathId.WIZARD.parse(id);
        // As for details: a 404 for an unknown wizard comes before any complaint about the body.
        wizards.get(caller.person(), wizardId);
        GeneratedKey generated = wizards.submitScopes(caller.person(), wizardId, request.toScopes());
        return SecretResponses.status(
                        200, WizardJson.withKey(generated.wizard(), clock.instant(), generated.plaintext()))
                .build();
    }

    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.ACKNOWLEDGE_WIZARD)
    @Transactional
    @Operation(
            operationId = "acknowledgeApiKeyWizard",
            summary = "Acknowledge that the key is stored safely",
            description = "\"I have stored the key in a safe place.\" Only now does the key become active.")
    @APIResponse(
            responseCode = "409",
            description = "The wizard is not at a step where this move is allowed; meta.currentStep names its step.")
    public WizardJson.Document acknowledge(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            AcknowledgementRequest body) {
        boolean storedSafely = Boolean.TRUE.equals(body.storedSafely());
        return WizardJson.of(
                wizards.acknowledge(caller.person(), PathId.WIZARD.parse(id), storedSafely), clock.instant());
    }

    @DELETE
    @Path("{id}")
    @Guarded(Permission.CANCEL_WIZARD)
    @Transactional
    @Operation(
            operationId = "cancelApiKeyWizard",
            summary = "Cancel the wizard",
            description = "Allowed at any step before the acknowledgement; a key already generated is destroyed.")
    @APIResponse(
            responseCode = "409",
            description = "The wizard is not at a step where this move is allowed; meta.currentStep names its step.")
    public WizardJson.Document cancel(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return WizardJson.of(wizards.cancel(caller.person(), PathId.WIZARD.parse(id)), clock.instant());
    }

    @GET
    @Path("{id}/vault-options")
    @Guarded(Permission.WIZARD_VAULT_OPTIONS)
    @Operation(
            operationId = "listApiKeyWizardVaultOptions",
            summary = "List the vaults the key can be saved in",
            description = "The enabled vaults, the default "
                    + "first. A client may hide the choice when there is exactly one.")
    public VaultJson.ListDocument vaultOptions(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        return VaultJson.list(
                vaults.options(caller.person(), PathId.WIZARD.parse(id)),
                vault -> integrations.get(vault).provider());
    }

    @POST
    @Path("{id}/vault-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.SAVE_WIZARD_KEY_IN_VAULT)
    @Transactional
    @Operation(
            operationId = "saveApiKeyWizardKeyInVault",
            summary = "Save the key in a vault",
            description = "At the store step: checks that apiKey is this "
                    + "wizard's key, writes it as a secret (title = key name; key id and expiry as metadata) and "
                    + "records the vault, path and version in savedIn. The response never holds the key. A vault "
                    + "failure is a 503 that leaves the wizard at store. The acknowledgement is still required.")
    @APIResponse(
            responseCode = "201",
            description = "Saved: the wizard, still at the store step, with the vault in savedIn and never the key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyWizardDocument")))
    @APIResponse(responseCode = "409", description = "The wizard is not at the store step.")
    @APIResponse(responseCode = "503", description = "The vault failed; the wizard stays at the store step.")
    public Response saveInVault(
            @Parameter(
                            description = "The wizard's id.",
                            example = "3f0c2a8e-5b1d-4e7a-9c6f-1a2b3c4d5e6f",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            VaultSecretRequest request) {
        ApiKeyWizard wizard = vaultSaves
                .saveKey(caller.person(), PathId.WIZARD.parse(id), request.vaultId(), request.apiKey())
                .wizard();
        return Response.status(201)
                .entity(WizardJson.of(wizard, clock.instant()))
                .build();
    }

    @Schema(name = "WizardDetailsRequest", description = "The details step.")
    public record DetailsRequest(
            @Schema(
                    required = true,
                    maxLength = 100,
                    description = "Unique among the workspace's keys (any case).",
                    examples = "CI pipeline")
            String name,

            @Schema(
                    required = true,
                    enumeration = {"1h", "12h", "1d", "5d", "1y", "custom"},
                    examples = "5d",
                    description = "How long the key lives: a preset, or custom with expiresAt.")
            String expiration,

            @Schema(
                    format = "date-time",
                    description = "Required with, and only with, expiration custom: at least 5 "
                            + "minutes ahead and within the workspace's maximum key lifetime (2 years by default).",
                    examples = "2027-03-01T12:00:00Z")
            String expiresAt) {
        /** Every field that is missing or unreadable is reported at once, each under its own pointer. */
        DetailsChoice toChoice() {
            Violations violations = new Violations();
            Optional<KeyName> keyName = violations.collect(() -> KeyName.parse(name, "name"));
            Optional<ExpirationPreset> preset =
                    violations.collect(() -> ExpirationPreset.parse(expiration, "expiration"));
            Optional<Optional<Instant>> customAt =
                    violations.collect(() -> Optional.ofNullable(expiresAt).map(DetailsRequest::instant));
            violations.throwIfAny();
            return new DetailsChoice(keyName.orElseThrow(), preset.orElseThrow(), customAt.orElseThrow());
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ValidationException(new Violation(
                        "expiresAt",
                        "invalid_instant",
                        "expiresAt must be an ISO-8601 instant such as 2027-01-31T12:00:00Z"));
            }
        }
    }

    @Schema(name = "WizardScopesRequest", description = "The scopes step.")
    public record ScopesRequest(
            @Schema(
                    required = true,
                    minItems = 1,
                    description = "At least one scope, each once.",
                    examples = "[\"read:users\", \"read:activities\"]")
            List<String> scopes) {
        /** Every unknown or repeated scope is reported, each under {@code /scopes/index}. */
        ScopeSet toScopes() {
            return ScopeSet.parseChoice(scopes, "scopes");
        }
    }

    @Schema(name = "WizardAcknowledgementRequest", description = "The last step.")
    public record AcknowledgementRequest(
            @Schema(
                    required = true,
                    description = "Must be true: \"I have stored the key in a safe place\".",
                    examples = "true")
            Boolean storedSafely) {}

    @Schema(name = "WizardVaultSecretRequest", description = "Which vault to save the key in, and the key itself.")
    public record VaultSecretRequest(
            @Schema(
                    required = true,
                    format = "uuid",
                    description = "One of the wizard's vault options.",
                    examples = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
            String vaultId,

            @Schema(
                    required = true,
                    description = "The key exactly as the scopes step returned it.",
                    examples = "lk_7Hq2VbX9kLm3_0123456789abcdefghijABCDEFGHIJkl3XyZ9q")
            String apiKey) {
        @Override
        public String toString() {
            return "VaultSecretRequest[vaultId=" + vaultId + ", apiKey=***]";
        }
    }
}
