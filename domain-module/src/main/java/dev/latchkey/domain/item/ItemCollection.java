package dev.latchkey.domain.item;

import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A person's named group of items, in the order they were added. */
public record ItemCollection(CollectionId id, String name, UserId ownerId, List<ItemId> itemIds, Instant createdAt) {
    public ItemCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        itemIds = List.copyOf(itemIds);
    }

    public ItemCollection with(ItemId item) {
        List<ItemId> items = new ArrayList<>(itemIds);
        items.add(item);
        return new ItemCollection(id, name, ownerId, items, createdAt);
    }

    public ItemCollection without(ItemId item) {
        List<ItemId> items = new ArrayList<>(itemIds);
        items.remove(item);
        return new ItemCollection(id, name, ownerId, items, createdAt);
    }
}
