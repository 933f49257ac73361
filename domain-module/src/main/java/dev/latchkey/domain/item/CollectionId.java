package dev.latchkey.domain.item;

import dev.latchkey.domain.shared.Ids;

/** A collection's identifier. */
public record CollectionId(String value) {
    public CollectionId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a collection id");
        }
    }

    public static CollectionId generate() {
        return new CollectionId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
