package dev.latchkey.domain.item;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.UserId;
import java.util.Optional;

/** Port: where collections live. */
public interface CollectionRepository {
    Optional<ItemCollection> findById(CollectionId id);

    /** {@code owner}'s collections in name order. */
    Page<ItemCollection> pageOwnedBy(UserId owner, PageRequest request);

    /** Inserts or updates, memberships included. */
    void save(ItemCollection collection);
}
