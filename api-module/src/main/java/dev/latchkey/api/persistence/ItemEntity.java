package dev.latchkey.api.persistence;

import dev.latchkey.domain.integration.VaultId;
import dev.latchkey.domain.item.Item;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.item.ItemType;
import dev.latchkey.domain.team.TeamId;
import dev.latchkey.domain.workspace.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Row of {@code items} with its rows of {@code item_shares}; the value itself is in the vault. */
@Entity
@Table(name = "items")
public class ItemEntity {
    @Id
    private String id;

    @Column(name = "item_type")
    private String itemType;

    @Column(name = "vault_id")
    private String vaultId;

    private String path;
    private long version;
    private String title;
    private String fields;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_shares", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "team_id")
    private Set<String> sharedWith = new HashSet<>();

    protected ItemEntity() {}

    ItemEntity(Item item) {
        id = item.id().value();
        itemType = item.type().wireName();
        ownerId = item.ownerId().value();
        createdAt = item.createdAt();
        copyFrom(item);
    }

    final void copyFrom(Item item) {
        vaultId = item.vaultId().value();
        path = item.path();
        version = item.version();
        title = item.title();
        JsonObjectBuilder json = Json.createObjectBuilder();
        item.fields().forEach(json::add);
        fields = json.build().toString();
        updatedAt = item.updatedAt();
        Set<String> shares = item.sharedWith().stream().map(TeamId::value).collect(Collectors.toSet());
        sharedWith.retainAll(shares);
        sharedWith.addAll(shares);
    }

    Item toDomain() {
        JsonObject json = Json.createReader(new StringReader(fields)).readObject();
        Map<String, String> fieldMap = json.keySet().stream()
                .collect(Collectors.toMap(key -> key, key -> ((JsonString) json.get(key)).getString()));
        return new Item(
                new ItemId(id),
                ItemType.parse(itemType),
                new VaultId(vaultId),
                path,
                version,
                title,
                fieldMap,
                new UserId(ownerId),
                sharedWith.stream().map(TeamId::new).collect(Collectors.toSet()),
                createdAt,
                updatedAt);
    }
}
