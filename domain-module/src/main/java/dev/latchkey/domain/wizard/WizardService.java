package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyRepository;
import dev.latchkey.domain.apikey.Expiration;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.WorkspacePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Runs the Generate API key wizard for the person who started it. Each call is one move; the caller wraps it in a
 * transaction, so a move and its activity entry are written together or not at all.
 */
public final class WizardService {
    private final WizardRepository wizards;
    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final ActivityLog activities;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration timeout;
    private final WorkspacePolicy policy;

    /**
     * @param random a cryptographically strong generator ({@code SecureRandom}); keys are drawn from it
     * @param timeout how long a wizard may stay unacknowledged before it expires
     */
    public WizardService(
            WizardRepository wizards,
            ApiKeyRepository keys,
            SecretHasher hasher,
            ActivityLog activities,
            Clock clock,
            RandomGenerator random,
            Duration timeout,
            WorkspacePolicy policy) {
        this.wizards = wizards;
        this.keys = keys;
        this.hasher = hasher;
        this.activities = activities;
        this.clock = clock;
        this.random = random;
        this.timeout = timeout;
        this.policy = policy;
    }

    public ApiKeyWizard start(User actor) {
        actor.requireAdministrator("generating API keys");
        Instant now = clock.instant();
        ApiKeyWizard wizard = ApiKeyWizard.start(actor.id(), now, timeout);
        wizards.save(wizard);
        record(ActivityType.WIZARD_STARTED, actor, wizard, now, Map.of());
        return wizard;
    }

    /**
     * The caller's own wizard; anyone else's is "not found", so ids reveal nothing. Every move comes through here, so
     * a person demoted or disabled mid-wizard cannot go on to generate or activate a key.
     */
    public ApiKeyWizard get(User actor, WizardId id) {
        actor.requireAdministrator("generating API keys");
        return wizards.findById(id)
                .filter(wizard -> wizard.startedBy().equals(actor.id()))
                .orElseThrow(() -> new NotFoundException("wizard_not_found", "no API key wizard with id " + id));
    }

    /**
     * The details step: checks that the name is free among live keys and the expiry within bounds at this moment,
     * reporting both problems at once; {@code expiresAt} is required with (and only with) expiration {@code custom}.
     */
    public ApiKeyWizard submitDetails(User actor, WizardId id, DetailsChoice choice) {
        ApiKeyWizard wizard = get(actor, id);
        Instant now = clock.instant();
        wizard.checkAllowed(WizardMove.SUBMIT_DETAILS, now);

        Violations violations = new Violations();
        if (keys.liveNameExists(choice.name())) {
            violations.add(new Violation(
                    "name",
                    "name_taken",
                    "another API key is already named '" + choice.name() + "'; choose a different name"));
        }
        Optional<Expiration> chosen = violations.collect(
                () -> Expiration.choose(choice.expiration(), choice.expiresAt(), now, policy.maxKeyLifetime()));
        violations.throwIfAny();

        KeyDetails details = new KeyDetails(choice.name(), chosen.orElseThrow());
        wizard.submitDetails(details, now);
        wizards.save(wizard);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", details.name().value());
        facts.put("expiration", details.expiration().preset().wireName());
        record(ActivityType.WIZARD_DETAILS_SUBMITTED, actor, wizard, now, facts);
        return wizard;
    }

    public ApiKeyWizard back(User actor, WizardId id) {
        ApiKeyWizard wizard = get(actor, id);
        Instant now = clock.instant();
        wizard.back(now);
        wizards.save(wizard);
        record(ActivityType.WIZARD_WENT_BACK, actor, wizard, now, Map.of());
        return wizard;
    }

    /**
     * The scopes step: generates the key, stores only its hash, and returns the plaintext for the one response that
     * may show it. The key does not work until the wizard is acknowledged.
     */
    public GeneratedKey submitScopes(User actor, WizardId id, ScopeSet scopes) {
        ApiKeyWizard wizard = get(actor, id);
        Instant now = clock.instant();
        wizard.checkAllowed(WizardMove.SUBMIT_SCOPES, now);
        KeyDetails details =
                wizard.details().orElseThrow(() -> new IllegalStateException("scopes step without details"));
        if (keys.liveNameExists(details.name())) {
            // Someone took the name between the two steps.
            throw new ValidationException(new Violation(
                    "name",
                    "name_taken",
                    "another API key is now named '" + details.name() + "'; go back and choose a different name"));
        }
        Instant keyExpiresAt = details.expiration().expiresAt(now);
        if (keyExpiresAt.isBefore(now.plus(Expiration.MINIMUM_LEAD))) {
            // A custom date that was far enough ahead at the details step may not be any more.
            throw new ValidationException(new Violation(
                    "expiresAt",
                    "expires_at_too_soon",
                    "the chosen expiry is now less than 5 minutes away; go back and choose a later date"));
        }
        PlaintextApiKey plaintext = PlaintextApiKey.generate(random);
        ApiKey key = ApiKey.issue(
                plaintext, hasher.hash(plaintext.reveal()), details.name(), actor.id(), scopes, now, keyExpiresAt);
        keys.save(key);
        wizard.submitScopes(scopes, key.id(), now);
        wizards.save(wizard);
        record(
                ActivityType.WIZARD_SCOPES_SUBMITTED,
                actor,
                wizard,
                now,
                Map.of("scopes", String.join(" ", scopes.wireNames())));
        activities.record(Activity.of(
                ActivityType.KEY_GENERATED,
                now,
                Actor.of(actor),
                "api_key",
                key.id().value(),
                Map.of("name", key.name().value(), "wizardId", wizard.id().value())));
        return new GeneratedKey(wizard, key, plaintext);
    }

    /**
     * Before saving a key in a vault: checks the wizard is at the store step and that {@code presented} is this
     * wizard's key (an argon2id verification, so the comparison is constant-time). Returns the wizard with its
     * pending key, for {@link #recordPlacement} once the key is written.
     */
    public KeyForVault checkKeyForVault(User actor, WizardId id, String presented) {
        ApiKeyWizard wizard = get(actor, id);
        wizard.checkAllowed(WizardMove.SAVE_IN_VAULT, clock.instant());
        ApiKey key = keys.findById(wizard.keyId().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("wizard at store without its key"));
        boolean matches = PlaintextApiKey.parse(presented)
                .filter(candidate -> candidate.id().equals(key.id()))
                .map(candidate -> hasher.verify(key.secretHash(), candidate.reveal()))
                .orElse(false);
        if (!matches) {
            throw new ValidationException(
                    new Violation(
                            "apiKey",
                            "api_key_mismatch",
                            "apiKey is not the key this wizard generated; send the key exactly as the scopes step returned it"));
        }
        return new KeyForVault(actor, wizard, key);
    }

    /**
     * Records that the checked key was written to a vault; the wizard stays at the store step. The move is checked
     * again against the clock, so a wizard that expired while the vault was writing refuses the placement.
     */
    public ApiKeyWizard recordPlacement(KeyForVault checked, VaultPlacement placement) {
        ApiKeyWizard wizard = checked.wizard();
        User actor = checked.actor();
        Instant now = clock.instant();
        wizard.recordPlacement(placement, now);
        wizards.save(wizard);
        record(
                ActivityType.WIZARD_SAVED_TO_VAULT,
                actor,
                wizard,
                now,
                Map.of(
                        "vaultId",
                        placement.vaultId(),
                        "vault",
                        placement.vaultName(),
                        "path",
                        placement.path(),
                        "version",
                        Long.toString(placement.version())));
        return wizard;
    }

    /** The last step: only an explicit "I have stored the key in a safe place" makes the key work. */
    public ApiKeyWizard acknowledge(User actor, WizardId id, boolean storedSafely) {
        ApiKeyWizard wizard = get(actor, id);
        Instant now = clock.instant();
        wizard.checkAllowed(WizardMove.ACKNOWLEDGE, now);
        if (!storedSafely) {
            throw new ValidationException(new Violation(
                    "storedSafely",
                    "acknowledgement_required",
                    "confirm that you have stored the key in a safe place by sending storedSafely: true"));
        }
        ApiKey key = keys.findById(wizard.keyId().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("wizard at store without its key"));
        if (key.acknowledged()) {
            // A concurrent acknowledgement committed between reading the wizard and reading its key.
            throw new IllegalWizardMoveException(WizardStep.ACKNOWLEDGED, WizardMove.ACKNOWLEDGE);
        }
        wizard.acknowledge(now);
        key.acknowledge();
        keys.save(key);
        wizards.save(wizard);
        activities.record(Activity.of(
                ActivityType.KEY_ACKNOWLEDGED,
                now,
                Actor.of(actor),
                "api_key",
                key.id().value(),
                Map.of("name", key.name().value(), "wizardId", wizard.id().value())));
        return wizard;
    }

    /** Cancels from any step before acknowledgement; a key already generated is destroyed. */
    public ApiKeyWizard cancel(User actor, WizardId id) {
        ApiKeyWizard wizard = get(actor, id);
        Instant now = clock.instant();
        wizard.cancel(now);
        wizards.save(wizard);
        wizard.keyId().ifPresent(keys::destroy);
        record(
                ActivityType.WIZARD_CANCELLED,
                actor,
                wizard,
                now,
                wizard.keyId().map(keyId -> Map.of("apiKeyId", keyId.value())).orElse(Map.of()));
        return wizard;
    }

    /** Marks overdue wizards expired and destroys their keys; returns how many it expired. */
    public int expireOverdue(int limit) {
        Instant now = clock.instant();
        List<ApiKeyWizard> overdue = wizards.findOverdue(now, limit);
        for (ApiKeyWizard wizard : overdue) {
            wizard.expire();
            wizards.save(wizard);
            wizard.keyId().ifPresent(keys::destroy);
            activities.record(Activity.of(
                    ActivityType.WIZARD_EXPIRED,
                    now,
                    Actor.SYSTEM,
                    "api_key_wizard",
                    wizard.id().value(),
                    wizard.keyId()
                            .map(keyId -> Map.of("apiKeyId", keyId.value()))
                            .orElse(Map.of())));
        }
        return overdue.size();
    }

    private void record(ActivityType type, User actor, ApiKeyWizard wizard, Instant now, Map<String, String> details) {
        activities.record(Activity.of(
                type, now, Actor.of(actor), "api_key_wizard", wizard.id().value(), details));
    }
}
