package dev.latchkey.domain.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * A configured vault plugin. {@code generation} counts replacements: each one is a new, empty vault instance with
 * its own data directory, while vaults keep pointing at the same integration.
 */
public record Integration(
        IntegrationId id,
        String name,
        String provider,
        int generation,
        IntegrationConfig config,
        Instant createdAt,
        Instant updatedAt) {
    public Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (generation < 1) {
            throw new IllegalArgumentException("generations start at 1");
        }
    }

    Integration updated(String newName, IntegrationConfig newConfig, Instant now) {
        return new Integration(id, newName, provider, generation, newConfig, createdAt, now);
    }

    Integration replaced(String newName, IntegrationConfig newConfig, Instant now) {
        return new Integration(id, newName, provider, generation + 1, newConfig, createdAt, now);
    }
}
