package dev.latchkey.domain.item;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.KeyForVault;
import dev.latchkey.domain.wizard.VaultPlacement;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardService;
import dev.latchkey.domain.workspace.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The wizard's store step as one operation: checks the key against the wizard (loaded once), writes it into the
 * chosen vault, records the placement on the wizard and catalogs it as its starter's secret. The vault is the one
 * part a rolled-back transaction cannot undo, so if anything after the write fails, the written version is
 * discarded again.
 */
public final class WizardVaultService {
    static final String KEY_FOLDER = "api-keys/";

    private final WizardService wizards;
    private final VaultService vaults;
    private final IntegrationService integrations;
    private final VaultPlugins plugins;
    private final ItemRepository items;
    private final ActivityLog activities;
    private final Clock clock;

    public WizardVaultService(
            WizardService wizards,
            VaultService vaults,
            IntegrationService integrations,
            VaultPlugins plugins,
            ItemRepository items,
            ActivityLog activities,
            Clock clock) {
        this.wizards = wizards;
        this.vaults = vaults;
        this.integrations = integrations;
        this.plugins = plugins;
        this.items = items;
        this.activities = activities;
        this.clock = clock;
    }

    /** What the store step produced: the wizard as it is now, where the key went and its catalog entry. */
    public record SavedKey(ApiKeyWizard wizard, VaultPlacement placement, Item item) {
        public SavedKey {
            Objects.requireNonNull(wizard, "wizard");
            Objects.requireNonNull(placement, "placement");
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * Saves the wizard's key in a vault, with the key's name as title and its id and expiry as metadata. A wrong key
     * and an unknown vault are reported together.
     */
    public SavedKey saveKey(User actor, WizardId wizardId, String vaultId, String apiKey) {
        Violations violations = new Violations();
        Optional<KeyForVault> checked = violations.collect(() -> wizards.checkKeyForVault(actor, wizardId, apiKey));
        Optional<Vault> vault = violations.collect(() -> vaults.writableTarget(vaultId, actor));
        violations.throwIfAny();
        KeyForVault key = checked.orElseThrow();
        Vault target = vault.orElseThrow();
        ApiKey pending = key.key();
        Integration integration = integrations.get(target.integrationId());
        StoredSecret written = plugins.write(
                integration,
                pathFor(pending),
                apiKey,
                Map.of(
                        "title", pending.name().value(),
                        "apiKeyId", pending.id().value(),
                        "expiresAt", pending.expiresAt().toString()));
        try {
            VaultPlacement placement =
                    new VaultPlacement(target.id().value(), target.name(), written.path(), written.version());
            ApiKeyWizard wizard = wizards.recordPlacement(key, placement);
            Item item = catalog(actor, target, written, pending.name().value());
            return new SavedKey(wizard, placement, item);
        } catch (RuntimeException e) {
            plugins.discard(integration, written);
            throw e;
        }
    }

    /** The key's catalog entry: its starter's secret, whose value Latchkey never shows again. */
    private Item catalog(User actor, Vault vault, StoredSecret written, String keyName) {
        Instant now = clock.instant();
        Item item = new Item(
                ItemId.generate(),
                ItemType.SECRET,
                vault.id(),
                written.path(),
                written.version(),
                keyName,
                Map.of("category", "api_key", "source", Item.ISSUED_API_KEY_SOURCE),
                actor.id(),
                Set.of(),
                now,
                now);
        items.save(item);
        activities.record(Activity.of(
                ActivityType.ITEM_CREATED,
                now,
                Actor.of(actor),
                item.type().wireName(),
                item.id().value(),
                Map.of("title", item.title(), "vaultId", item.vaultId().value(), "path", item.path())));
        return item;
    }

    /** {@code api-keys/<name as a slug>-<key id>}: readable, and unique because the key id is. */
    static String pathFor(ApiKey key) {
        String slug = key.name()
                .value()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
        return KEY_FOLDER + (slug.isEmpty() ? "" : slug + "-") + key.id().value();
    }
}
