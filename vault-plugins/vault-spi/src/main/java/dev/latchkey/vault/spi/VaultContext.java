package dev.latchkey.vault.spi;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the platform lends a plugin when it opens a vault.
 *
 * @param dataDirectory a directory that belongs to this vault instance alone, created by the
 *                      platform with mode 0700, where the plugin may keep keys and files; it
 *                      survives restarts
 * @param dataSource    the platform's own database, for plugins that store there; empty when the
 *                      platform offers none. Plugins create only their own, prefixed tables.
 * @param clock         the only source of time a plugin should use, so tests can control it
 * @param random        the only source of randomness (keys, nonces) a plugin should use
 */
public record VaultContext(Path dataDirectory, Optional<DataSource> dataSource, Clock clock, SecureRandom random) {

    /** Checks that every part is present. */
    public VaultContext {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /**
     * A context without a database.
     *
     * @param dataDirectory the vault's own directory
     * @param clock         time source
     * @param random        randomness source
     * @return the context
     */
    public static VaultContext withoutDatabase(Path dataDirectory, Clock clock, SecureRandom random) {
        return new VaultContext(dataDirectory, Optional.empty(), clock, random);
    }

    /** Names the data directory only: a data source's own toString may reveal credentials. */
    @Override
    public String toString() {
        return "VaultContext[dataDirectory=" + dataDirectory + ", dataSource="
                + (dataSource.isPresent() ? "present" : "none") + "]";
    }
}
