package dev.latchkey.api.plugins;

import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.vault.spi.VaultException;
import dev.latchkey.vault.spi.VaultProvider;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running vault instances, one per integration and generation, and why an integration is DOWN. Every call into
 * plugin code goes through {@link #guard}: whatever it throws becomes a {@link ServiceUnavailableException} and marks
 * the integration DOWN, so a broken plugin fails the request that used it and nothing else.
 */
final class VaultInstances {
    private static final Logger LOG = Logger.getLogger(VaultInstances.class.getName());

    /** A vault instance: the provider of one generation of an integration. */
    private record Instance(int generation, VaultProvider provider) {}

    /** Opens an integration's instance, or reports why it cannot as a problem the user can fix. */
    @FunctionalInterface
    interface Opener {
        VaultProvider open(Integration integration);
    }

    private final Map<IntegrationId, Instance> instances = new ConcurrentHashMap<>();
    /**
     * Held while an integration's instance is opened or closed, so that two requests finding it closed open it once:
     * two live instances over one storage could each generate a key, and the second open would close the first
     * while it is in use.
     */
    private final Map<IntegrationId, Object> locks = new ConcurrentHashMap<>();
    /** Why an integration is DOWN, until a later call through it succeeds. */
    private final Map<IntegrationId, String> failures = new ConcurrentHashMap<>();

    /** Closes the integration's instance, if any, and opens a new one with {@code opener}. */
    void reopen(Integration integration, Opener opener) {
        synchronized (lock(integration.id())) {
            close(integration.id());
            VaultProvider opened = opener.open(integration);
            instances.put(integration.id(), new Instance(integration.generation(), opened));
            failures.remove(integration.id());
        }
    }

    /** The instance of the integration's current generation, opened with {@code opener} if there is none yet. */
    VaultProvider get(Integration integration, Opener opener) {
        Instance open = instances.get(integration.id());
        if (open != null && open.generation() == integration.generation()) {
            return open.provider();
        }
        synchronized (lock(integration.id())) {
            open = instances.get(integration.id());
            if (open != null && open.generation() == integration.generation()) {
                return open.provider(); // opened by a request that held the lock before this one
            }
            reopen(integration, opener);
            return instances.get(integration.id()).provider();
        }
    }

    void close(IntegrationId id) {
        synchronized (lock(id)) {
            Instance closing = instances.remove(id);
            if (closing != null) {
                try {
                    closing.provider().close();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "A vault plugin failed to close integration " + id, e);
                }
            }
        }
    }

    void closeAll() {
        instances.keySet().forEach(this::close);
    }

    /** Runs plugin code; anything it throws is reported, never propagated as is. */
    <T> T guard(Optional<IntegrationId> integration, LoadedPlugin plugin, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            // SPI exceptions promise messages without values; anything else (its type, its message, its stack) is
            // described only in the log, under an incident id the client and the DOWN health detail quote.
            String why = e instanceof VaultException
                    ? e.getMessage()
                    : "an unexpected error; report incident " + UUID.randomUUID() + ", which the server log describes";
            String detail =
                    "the vault plugin '" + plugin.id() + "' (" + plugin.origin() + ") failed to " + action + ": " + why;
            integration.ifPresent(id -> failures.put(id, detail));
            LOG.log(Level.WARNING, detail, e);
            throw new ServiceUnavailableException("vault_unavailable", detail);
        }
    }

    /** Why the integration is DOWN, if a call through it failed and none succeeded since. */
    Optional<String> failure(IntegrationId id) {
        return Optional.ofNullable(failures.get(id));
    }

    void failed(IntegrationId id, String why) {
        failures.put(id, why);
    }

    void succeeded(IntegrationId id) {
        failures.remove(id);
    }

    private Object lock(IntegrationId id) {
        return locks.computeIfAbsent(id, ignored -> new Object());
    }
}
