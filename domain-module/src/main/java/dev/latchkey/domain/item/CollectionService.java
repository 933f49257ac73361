package dev.latchkey.domain.item;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ConflictException;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.team.TeamRepository;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collections: a person's own named groups of items. Only their owner sees a collection, and it shows only the
 * items the viewer may still see; an item is added only by someone who can see it.
 */
public final class CollectionService {
    /** The answer for an item id that names nothing the actor can see, whether it is malformed or just unknown. */
    public static final Violation UNKNOWN_ITEM =
            new Violation("itemId", "unknown_item", "itemId must be the id of a secret or account you can see");

    private final CollectionRepository collections;
    private final ItemRepository items;
    private final TeamRepository teams;
    private final ActivityLog activities;
    private final Clock clock;

    public CollectionService(
            CollectionRepository collections,
            ItemRepository items,
            TeamRepository teams,
            ActivityLog activities,
            Clock clock) {
        this.collections = collections;
        this.items = items;
        this.teams = teams;
        this.activities = activities;
        this.clock = clock;
    }

    public Page<ItemCollection> list(UserId viewer, PageRequest request) {
        return collections.pageOwnedBy(viewer, request);
    }

    public ItemCollection get(CollectionId id, UserId viewer) {
        return collections
                .findById(id)
                .filter(collection -> collection.ownerId().equals(viewer))
                .orElseThrow(() -> new NotFoundException("collection_not_found", "no collection with id " + id));
    }

    /** The collection's items that {@code viewer} may see now, in collection order. */
    public List<Item> visibleItems(ItemCollection collection, UserId viewer) {
        Set<TeamId> viewerTeams = Set.copyOf(teams.teamsOf(viewer));
        return collection.itemIds().stream()
                .flatMap(id -> items.findById(id).stream())
                .filter(item -> item.visibleTo(viewer, viewerTeams))
                .toList();
    }

    public ItemCollection create(User actor, CollectionName name) {
        ItemCollection created =
                new ItemCollection(CollectionId.generate(), name.value(), actor.id(), List.of(), clock.instant());
        collections.save(created);
        record(ActivityType.COLLECTION_CREATED, actor, created, Map.of("name", name.value()));
        return created;
    }

    /** {@code itemId} came in a body: an item the actor cannot see is {@link #UNKNOWN_ITEM}, as if it did not exist. */
    public ItemCollection addItem(User actor, CollectionId id, ItemId itemId) {
        ItemCollection collection = get(id, actor.id());
        Set<TeamId> actorTeams = Set.copyOf(teams.teamsOf(actor.id()));
        Item item = items.findById(itemId)
                .filter(found -> found.visibleTo(actor.id(), actorTeams))
                .orElseThrow(() -> new ValidationException(UNKNOWN_ITEM));
        if (collection.itemIds().contains(item.id())) {
            throw new ConflictException(
                    "already_in_collection", "'" + item.title() + "' is already in this collection");
        }
        ItemCollection changed = collection.with(item.id());
        collections.save(changed);
        record(
                ActivityType.COLLECTION_ITEM_ADDED,
                actor,
                changed,
                Map.of("itemId", item.id().value()));
        return changed;
    }

    public ItemCollection removeItem(User actor, CollectionId id, ItemId itemId) {
        ItemCollection collection = get(id, actor.id());
        if (!collection.itemIds().contains(itemId)) {
            throw new NotFoundException("item_not_in_collection", "item " + itemId + " is not in this collection");
        }
        ItemCollection changed = collection.without(itemId);
        collections.save(changed);
        record(ActivityType.COLLECTION_ITEM_REMOVED, actor, changed, Map.of("itemId", itemId.value()));
        return changed;
    }

    private void record(ActivityType type, User actor, ItemCollection collection, Map<String, String> details) {
        activities.record(Activity.of(
                type,
                clock.instant(),
                Actor.of(actor),
                "collection",
                collection.id().value(),
                details));
    }
}
