package dev.latchkey.domain.integration;

import dev.latchkey.domain.shared.Ids;

/** Identifies an integration: a canonical UUID. */
public record IntegrationId(String value) {
    public IntegrationId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not an integration id: " + value);
        }
    }

    public static IntegrationId generate() {
        return new IntegrationId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
