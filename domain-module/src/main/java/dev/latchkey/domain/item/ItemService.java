package dev.latchkey.domain.item;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.Vault;
import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.integration.VaultService;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets and accounts: the value (a secret's value, an account's password) is written through the chosen vault's
 * plugin and only a catalog entry is kept here. Reading and listing show only what the viewer owns or what is
 * shared with one of their teams; anything else is "not found".
 */
public final class ItemService {
    static final int MAX_TEXT = 200;
    static final int MAX_VALUE = 10_000;

    private final ItemRepository items;
    private final VaultService vaults;
    private final IntegrationService integrations;
    private final VaultPlugins plugins;
    private final TeamRepository teams;
    private final ActivityLog activities;
    private final Clock clock;

    public ItemService(
            ItemRepository items,
            VaultService vaults,
            IntegrationService integrations,
            VaultPlugins plugins,
            TeamRepository teams,
            ActivityLog activities,
            Clock clock) {
        this.items = items;
        this.vaults = vaults;
        this.integrations = integrations;
        this.plugins = plugins;
        this.teams = teams;
        this.activities = activities;
        this.clock = clock;
    }

    /** What a new item says about itself; {@code value} is the secret (or the account's password). */
    private record Draft(
            String vaultId,
            String title,
            Map<String, String> fields,
            String value,
            Collection<String> sharedWithTeamIds) {
        @Override
        public String toString() {
            return "Draft[vaultId=" + vaultId + ", title=" + title + ", value=***]";
        }
    }

    public Item createSecret(
            User actor,
            String vaultId,
            String title,
            String category,
            String value,
            Collection<String> sharedWithTeamIds) {
        Violations violations = new Violations();
        violations.collect(() -> text(category, "category", true));
        violations.collect(() -> text(title, "title", true));
        return create(
                actor,
                ItemType.SECRET,
                violations,
                new Draft(
                        vaultId,
                        title,
                        Map.of("category", category == null ? "" : category.strip()),
                        value,
                        sharedWithTeamIds));
    }

    public Item createAccount(
            User actor,
            String vaultId,
            String application,
            String label,
            String url,
            String username,
            String password,
            Collection<String> sharedWithTeamIds) {
        Violations violations = new Violations();
        violations.collect(() -> text(application, "application", true));
        violations.collect(() -> text(label, "label", false));
        violations.collect(() -> text(username, "username", true));
        violations.collect(() -> url(url));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("application", strip(application));
        fields.put("label", strip(label));
        fields.put("url", strip(url));
        fields.put("username", strip(username));
        String title = strip(label).isEmpty() ? strip(application) : strip(application) + " (" + strip(label) + ")";
        return create(
                actor, ItemType.ACCOUNT, violations, new Draft(vaultId, title, fields, password, sharedWithTeamIds));
    }

    public Page<Item> list(ItemType type, UserId viewer, PageRequest request) {
        return items.pageVisible(type, viewer, teamsOf(viewer), request);
    }

    /** The item if {@code viewer} may see it; otherwise "not found", so that its existence does not leak. */
    public Item get(ItemType type, ItemId id, UserId viewer) {
        return items.findById(id)
                .filter(item -> item.type() == type && item.visibleTo(viewer, teamsOf(viewer)))
                .orElseThrow(() -> new NotFoundException(
                        type.wireName() + "_not_found", "no " + type.wireName() + " with id " + id));
    }

    /**
     * The value Latchkey may show for a visible item: empty for an API key the wizard saved, whose plaintext is shown
     * only once, by the wizard.
     */
    public Optional<String> revealableValue(Item item) {
        return item.holdsIssuedApiKey() ? Optional.empty() : Optional.of(value(item));
    }

    /** The current value of a visible item, read through its vault's plugin. */
    public String value(Item item) {
        Vault vault = vaults.get(item.vaultId());
        return plugins.readValue(integrations.get(vault.integrationId()), item.path(), item.version())
                .orElseThrow(() -> new ConflictException(
                        "value_missing",
                        "the vault '" + vault.name() + "' no longer holds this item's value at " + item.path()));
    }

    /**
     * The latest version's metadata at {@code path} in a vault, read through its plugin, never the value; only for a
     * path that holds an item {@code viewer} may see. Anything else is "not found" without asking the vault, so that
     * the answer tells nothing about other people's secrets or what else the vault holds (an env vault would tell
     * which environment variables the server has).
     */
    public StoredSecret secretMetadata(VaultId vaultId, String path, UserId viewer) {
        Vault vault = vaults.get(vaultId);
        Set<TeamId> viewerTeams = teamsOf(viewer);
        NotFoundException notFound = new NotFoundException(
                "secret_not_found", "the vault '" + vault.name() + "' holds no secret you can see at this path");
        if (items.findAt(vaultId, path).stream().noneMatch(item -> item.visibleTo(viewer, viewerTeams))) {
            throw notFound;
        }
        return plugins.read(integrations.get(vault.integrationId()), path).orElseThrow(() -> notFound);
    }

    private Item create(User actor, ItemType type, Violations violations, Draft draft) {
        Optional<Set<TeamId>> shared = violations.collect(() -> teams(draft.sharedWithTeamIds()));
        String valueField = type == ItemType.ACCOUNT ? "password" : "value";
        if (draft.value() == null || draft.value().isEmpty() || draft.value().length() > MAX_VALUE) {
            violations.add(new Violation(
                    valueField,
                    "invalid_" + valueField,
                    valueField + " is required: 1 to " + MAX_VALUE + " characters"));
        }
        // Last, so that every field is checked before a disabled or forbidden vault refuses the request.
        Optional<Vault> vault = violations.collect(() -> vaults.writableTarget(draft.vaultId(), actor));
        violations.throwIfAny();
        Vault target = vault.orElseThrow();
        ItemId id = ItemId.generate();
        String path = type.wireName() + "s/" + id.value();
        Integration integration = integrations.get(target.integrationId());
        StoredSecret written = plugins.write(
                integration, path, draft.value(), Map.of("title", draft.title().strip(), "itemId", id.value()));
        Instant now = clock.instant();
        Item item = new Item(
                id,
                type,
                target.id(),
                written.path(),
                written.version(),
                draft.title().strip(),
                draft.fields(),
                actor.id(),
                shared.orElseThrow(),
                now,
                now);
        try {
            items.save(item);
            record(ActivityType.ITEM_CREATED, actor, item);
        } catch (RuntimeException e) {
            plugins.discard(integration, written);
            throw e;
        }
        return item;
    }

    private Set<TeamId> teams(Collection<String> teamIds) {
        Set<TeamId> found = new HashSet<>();
        for (String teamId : teamIds == null ? List.<String>of() : teamIds) {
            Optional<TeamId> team = Optional.ofNullable(teamId)
                    .filter(Ids::isId)
                    .map(TeamId::new)
                    .filter(id -> teams.findById(id).isPresent());
            found.add(team.orElseThrow(() -> new ValidationException(new Violation(
                    "sharedWithTeamIds",
                    "unknown_team",
                    "every entry of sharedWithTeamIds must be the id of a team"))));
        }
        return found;
    }

    private Set<TeamId> teamsOf(UserId viewer) {
        return Set.copyOf(teams.teamsOf(viewer));
    }

    private static String text(String text, String field, boolean required) {
        String stripped = strip(text);
        if ((required && stripped.isEmpty()) || stripped.length() > MAX_TEXT) {
            throw new ValidationException(new Violation(
                    field,
                    "invalid_" + field,
                    field + (required ? " is required: 1" : " may have 0") + " to " + MAX_TEXT + " characters"));
        }
        return stripped;
    }

    private static String url(String url) {
        String stripped = strip(url);
        if (stripped.isEmpty()) {
            return stripped;
        }
        try {
            URI parsed = new URI(stripped);
            if (stripped.length() <= MAX_TEXT
                    && ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
                    && parsed.getHost() != null) {
                return stripped;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ValidationException(new Violation(
                "url", "invalid_url", "url must be an http or https address such as https://github.com/login"));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private void record(ActivityType type, User actor, Item item) {
        activities.record(Activity.of(
                type,
                clock.instant(),
                Actor.of(actor),
                item.type().wireName(),
                item.id().value(),
                Map.of("title", item.title(), "vaultId", item.vaultId().value(), "path", item.path())));
    }
}
