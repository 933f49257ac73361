package dev.latchkey.api.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code integration_settings}: one attribute; a sensitive one holds its sealed form only. */
@Embeddable
public class IntegrationSettingEmbeddable {
    private String attribute;
    private boolean sensitive;

    @Column(name = "stored_value")
    private String storedValue;

    protected IntegrationSettingEmbeddable() {}

    IntegrationSettingEmbeddable(String attribute, boolean sensitive, String storedValue) {
        this.attribute = attribute;
        this.sensitive = sensitive;
        this.storedValue = storedValue;
    }

    String attribute() {
        return attribute;
    }

    boolean sensitive() {
        return sensitive;
    }

    String storedValue() {
        return storedValue;
    }

    @Override
    public String toString() {
        return attribute + "=" + (sensitive ? "***" : storedValue);
    }
}
