package dev.latchkey.domain.entitlement;

import dev.latchkey.domain.shared.Ids;

/** An entitlement's identifier. */
public record EntitlementId(String value) {
    public EntitlementId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not an entitlement id");
        }
    }

    public static EntitlementId generate() {
        return new EntitlementId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
