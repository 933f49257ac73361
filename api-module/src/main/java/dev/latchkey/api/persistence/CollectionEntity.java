package dev.latchkey.api.persistence;

import dev.latchkey.domain.item.CollectionId;
import dev.latchkey.domain.item.ItemCollection;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Row of {@code collections}, with its rows of {@code collection_items} in the order added. */
@Entity
@Table(name = "collections")
public class CollectionEntity {
    @Id
    private String id;

    private String name;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collection_items", joinColumns = @JoinColumn(name = "collection_id"))
    @Column(name = "item_id")
    @OrderColumn(name = "position")
    private List<String> itemIds = new ArrayList<>();

    @Version
    private long version;

    protected CollectionEntity() {}

    CollectionEntity(ItemCollection collection) {
        id = collection.id().value();
        ownerId = collection.ownerId().value();
        createdAt = collection.createdAt();
        copyFrom(collection);
    }

    final void copyFrom(ItemCollection collection) {
        name = collection.name();
        List<String> items = collection.itemIds().stream().map(ItemId::value).toList();
        if (!items.equals(itemIds)) {
            itemIds.clear();
            itemIds.addAll(items);
        }
    }

    ItemCollection toDomain() {
        return new ItemCollection(
                new CollectionId(id),
                name,
                new UserId(ownerId),
                itemIds.stream().map(ItemId::new).toList(),
                createdAt);
    }
}
