package dev.latchkey.vault.spi;

import java.util.Objects;

/**
 * Whether a vault can be used now.
 *
 * @param up      true when reads and writes are expected to work
 * @param message a short explanation in the operator's words; names the cause when down
 */
public record HealthStatus(boolean up, String message) {

    /** Requires a message. */
    public HealthStatus {
        Objects.requireNonNull(message, "message");
    }

    /**
     * A healthy status.
     *
     * @param message what was checked, such as "directory /var/lib/x is writable"
     * @return the status
     */
    public static HealthStatus up(String message) {
        return new HealthStatus(true, message);
    }

    /**
     * An unhealthy status.
     *
     * @param message what failed and what to check
     * @return the status
     */
    public static HealthStatus down(String message) {
        return new HealthStatus(false, message);
    }
}
