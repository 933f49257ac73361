package dev.latchkey.domain.testing;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.item.ItemRepository;
import dev.latchkey.domain.item.ItemType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.workspace.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The item catalog in a map; {@link Item} is an immutable record. */
public final class InMemoryItemRepository implements ItemRepository {
    private final Map<ItemId, Item> items = new LinkedHashMap<>();

    @Override
    public Optional<Item> findById(ItemId id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public Page<Item> pageVisible(ItemType type, UserId viewer, Set<TeamId> teams, PageRequest request) {
        return InMemoryPages.page(
                items.values().stream()
                        .filter(item -> item.type() == type && item.visibleTo(viewer, teams))
                        .sorted(Comparator.comparing(Item::createdAt).reversed())
                        .toList(),
                request);
    }

    @Override
    public List<Item> findAt(VaultId vaultId, String path) {
        return items.values().stream()
                .filter(item -> item.vaultId().equals(vaultId) && item.path().equals(path))
                .toList();
    }

    @Override
    public void save(Item item) {
        items.put(item.id(), item);
    }
}
