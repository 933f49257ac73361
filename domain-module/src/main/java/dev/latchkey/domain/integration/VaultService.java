package dev.latchkey.domain.integration;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.workspace.User;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vaults: named places for secrets on top of integrations. Exactly one vault is the default once any exists; the
 * default cannot be disabled. Also answers which vault a new secret may go into ({@link #writableTarget}).
 */
public final class VaultService {
    /** The name of the integration and vault every workspace gets on first start. */
    public static final String LOCAL_VAULT_NAME = "Local vault";
    /** The provider of that integration: secrets in the platform database. */
    public static final String LOCAL_PROVIDER = "local-db";

    static final int MAX_NAME_LENGTH = 100;

    private final VaultRepository vaults;
    private final IntegrationService integrations;
    private final WizardService wizards;
    private final VaultAccess access;
    private final ActivityLog activities;
    private final Clock clock;

    public VaultService(
            VaultRepository vaults,
            IntegrationService integrations,
            WizardService wizards,
            VaultAccess access,
            ActivityLog activities,
            Clock clock) {
        this.vaults = vaults;
        this.integrations = integrations;
        this.wizards = wizards;
        this.access = access;
        this.activities = activities;
        this.clock = clock;
    }

    /** Every vault, the default first. */
    public List<Vault> list() {
        return vaults.findAll();
    }

    public Vault get(VaultId id) {
        return vaults.findById(id)
                .orElseThrow(() -> new NotFoundException("vault_not_found", "no vault with id " + id));
    }

    /** On first start: a local-db integration and a default vault on it, so that every workspace has one vault. */
    public Optional<Vault> ensureDefaultVault() {
        if (!vaults.findAll().isEmpty()) {
            return Optional.empty();
        }
        Integration local = integrations.create(Actor.SYSTEM, LOCAL_PROVIDER, LOCAL_VAULT_NAME, Map.of());
        return Optional.of(create(Actor.SYSTEM, LOCAL_VAULT_NAME, local.id().value(), Optional.of(true)));
    }

    /** A new, enabled vault; the first one, or one created with {@code isDefault} true, becomes the default. */
    public Vault create(Actor actor, String name, String integrationId, Optional<Boolean> isDefault) {
        Violations violations = new Violations();
        Optional<String> checkedName = violations.collect(() -> checkName(name, Optional.empty()));
        Optional<Integration> integration = violations.collect(() -> integration(integrationId));
        violations.throwIfAny();
        boolean makeDefault = isDefault.orElse(false) || vaults.findAll().isEmpty();
        Instant now = clock.instant();
        if (makeDefault) {
            clearDefault();
        }
        Vault created = new Vault(
                VaultId.generate(),
                checkedName.orElseThrow(),
                integration.orElseThrow().id(),
                makeDefault,
                true,
                now);
        vaults.save(created);
        record(
                ActivityType.VAULT_CREATED,
                actor,
                created,
                now,
                Map.of(
                        "integrationId",
                        created.integrationId().value(),
                        "provider",
                        integration.orElseThrow().provider()));
        return created;
    }

    /** Renames, enables or disables, or makes default; absent parts stay as they are. */
    public Vault update(
            Actor actor, VaultId id, Optional<String> name, Optional<Boolean> enabled, Optional<Boolean> isDefault) {
        Vault current = get(id);
        Optional<String> checkedName = name.map(n -> checkName(n, Optional.of(id)));
        boolean willBeEnabled = enabled.orElse(current.enabled());
        boolean willBeDefault = isDefault.orElse(current.isDefault());
        if (current.isDefault() && !willBeDefault) {
            throw new ConflictException(
                    "default_vault_required", "there must be a default vault; make another vault the default instead");
        }
        if (willBeDefault && !willBeEnabled) {
            throw new ConflictException(
                    "default_vault_disabled",
                    "the default vault cannot be disabled; make another vault the default first");
        }
        Map<String, String> details = new LinkedHashMap<>();
        Vault updated = current;
        if (checkedName.isPresent() && !checkedName.get().equals(current.name())) {
            details.put("renamedFrom", current.name());
            updated = updated.renamed(checkedName.get());
        }
        if (willBeEnabled != current.enabled()) {
            details.put("enabled", Boolean.toString(willBeEnabled));
            updated = updated.withEnabled(willBeEnabled);
        }
        if (willBeDefault && !current.isDefault()) {
            clearDefault();
            details.put("isDefault", "true");
            updated = updated.withDefault(true);
        }
        if (!details.isEmpty()) {
            vaults.save(updated);
            record(ActivityType.VAULT_UPDATED, actor, updated, clock.instant(), details);
        }
        return updated;
    }

    /** The vaults the wizard's starter may save its key in: the enabled ones they may write to, the default first. */
    public List<Vault> options(User actor, WizardId wizardId) {
        wizards.get(actor, wizardId);
        return vaults.findAll().stream()
                .filter(Vault::enabled)
                .filter(vault -> access.mayWrite(actor, vault.integrationId()))
                .toList();
    }

    /**
     * The vault a new secret of {@code actor} goes into: an existing vault ({@code vaultId} names the field), enabled
     * (a disabled one is a conflict) and writable by them (the {@code vault_writer} entitlement on its integration).
     * The one place every write path asks, so each condition has one answer.
     */
    public Vault writableTarget(String vaultId, User actor) {
        Vault vault = Optional.ofNullable(vaultId)
                .filter(Ids::isId)
                .map(VaultId::new)
                .flatMap(vaults::findById)
                .orElseThrow(() -> new ValidationException(new Violation(
                        "vaultId",
                        "unknown_vault",
                        "vaultId must be the id of a vault; GET /api/v1/vaults lists them")));
        if (!vault.enabled()) {
            throw new ConflictException(
                    "vault_disabled",
                    "the vault '" + vault.name() + "' is disabled and accepts no new secrets; choose another vault");
        }
        if (!access.mayWrite(actor, vault.integrationId())) {
            throw new PermissionDeniedException(
                    "vault_writer_required",
                    "saving into the vault '" + vault.name()
                            + "' needs the vault_writer entitlement on its integration; ask an administrator to grant it");
        }
        return vault;
    }

    private Integration integration(String integrationId) {
        if (integrationId == null || !Ids.isId(integrationId)) {
            throw new ValidationException(new Violation(
                    "integrationId",
                    "unknown_integration",
                    "integrationId must be the id of an integration; GET /api/v1/integrations lists them"));
        }
        try {
            return integrations.get(new IntegrationId(integrationId));
        } catch (NotFoundException e) {
            throw new ValidationException(new Violation(
                    "integrationId",
                    "unknown_integration",
                    "no integration with id " + integrationId + "; GET /api/v1/integrations lists them"));
        }
    }

    private String checkName(String name, Optional<VaultId> except) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(
                    new Violation("name", "invalid_name", "name is required: 1 to " + MAX_NAME_LENGTH + " characters"));
        }
        if (vaults.nameTaken(trimmed, except)) {
            throw new ValidationException(new Violation(
                    "name", "name_taken", "another vault is already named '" + trimmed + "'; choose a different name"));
        }
        return trimmed;
    }

    private void clearDefault() {
        vaults.findAll().stream().filter(Vault::isDefault).forEach(v -> vaults.save(v.withDefault(false)));
    }

    private void record(ActivityType type, Actor actor, Vault vault, Instant now, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put("name", vault.name());
        activities.record(Activity.of(type, now, actor, "vault", vault.id().value(), details));
    }
}
