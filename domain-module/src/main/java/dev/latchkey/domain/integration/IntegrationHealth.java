package dev.latchkey.domain.integration;

import java.util.Objects;

/** Whether an integration's storage works, in an operator's words. */
public record IntegrationHealth(boolean up, String detail) {
    public IntegrationHealth {
        Objects.requireNonNull(detail, "detail");
    }

    public static IntegrationHealth up(String detail) {
        return new IntegrationHealth(true, detail);
    }

    public static IntegrationHealth down(String detail) {
        return new IntegrationHealth(false, detail);
    }
}
