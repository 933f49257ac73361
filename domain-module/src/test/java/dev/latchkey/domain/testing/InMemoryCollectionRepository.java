package dev.latchkey.domain.testing;

import dev.latchkey.domain.item.CollectionId;
import dev.latchkey.domain.item.CollectionRepository;
import dev.latchkey.domain.item.ItemCollection;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Collections in a map; {@link ItemCollection} is an immutable record. */
public final class InMemoryCollectionRepository implements CollectionRepository {
    private final Map<CollectionId, ItemCollection> collections = new LinkedHashMap<>();

    @Override
    public Optional<ItemCollection> findById(CollectionId id) {
        return Optional.ofNullable(collections.get(id));
    }

    @Override
    public Page<ItemCollection> pageOwnedBy(UserId owner, PageRequest request) {
        return InMemoryPages.page(
                collections.values().stream()
                        .filter(c -> c.ownerId().equals(owner))
                        .sorted(Comparator.comparing(ItemCollection::name))
                        .toList(),
                request);
    }

    @Override
    public void save(ItemCollection collection) {
        collections.put(collection.id(), collection);
    }
}
