package dev.latchkey.domain.item;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.workspace.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the item catalog. Values are never here; they are in the vaults. */
public interface ItemRepository {
    Optional<Item> findById(ItemId id);

    /** Items of {@code type} owned by {@code viewer} or shared with any of {@code teams}, newest first. */
    Page<Item> pageVisible(ItemType type, UserId viewer, Set<TeamId> teams, PageRequest request);

    /** Every item whose value is at {@code path} in the vault (several, if one key was saved there twice). */
    List<Item> findAt(VaultId vaultId, String path);

    void save(Item item);
}
