package dev.latchkey.domain.item;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog entry of an item: where its value lives ({@code vaultId}, {@code path}, {@code version}), what it is
 * ({@code title} and the type's descriptive {@code fields}, never a secret), whose it is and who it is shared with.
 */
public record Item(
        ItemId id,
        ItemType type,
        VaultId vaultId,
        String path,
        long version,
        String title,
        Map<String, String> fields,
        UserId ownerId,
        Set<TeamId> sharedWith,
        Instant createdAt,
        Instant updatedAt) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fields = Map.copyOf(new TreeMap<>(fields));
        sharedWith = Set.copyOf(sharedWith);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }

    /** Whether {@code viewer}, a member of {@code viewerTeams}, may see this item; workspace roles do not widen it. */
    public boolean visibleTo(UserId viewer, Set<TeamId> viewerTeams) {
        return ownerId.equals(viewer) || sharedWith.stream().anyMatch(viewerTeams::contains);
    }

    /** The {@code source} field of a catalog entry made for a key the wizard saved in a vault. */
    public static final String ISSUED_API_KEY_SOURCE = "api_key_wizard";

    /**
     * Whether this item is an API key the wizard saved: its value is the plaintext key, which Latchkey shows once (in
     * the wizard) and never again; it stays readable only in the vault itself.
     */
    public boolean holdsIssuedApiKey() {
        return ISSUED_API_KEY_SOURCE.equals(field("source"));
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
