package dev.latchkey.domain.item;

import dev.latchkey.domain.shared.Ids;

/** An item's identifier. */
public record ItemId(String value) {
    public ItemId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not an item id");
        }
    }

    public static ItemId generate() {
        return new ItemId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
