package dev.latchkey.api.plugins;

import dev.latchkey.vault.spi.PlatformDatabaseVaults;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the platform lends a plugin beyond its own folder, decided by the capabilities the plugin declares and the
 * operator's trust, never by its id: the platform database goes only to a {@link PlatformDatabaseVaults} factory
 * that ships with the server or that {@code latchkey.plugins.trusted} names.
 */
final class PlatformResources {
    private final DataSource dataSource;
    private final Set<String> trusted;

    PlatformResources(DataSource dataSource, Set<String> trusted) {
        this.dataSource = dataSource;
        this.trusted = Set.copyOf(trusted);
    }

    /** The data source for the plugin's vaults, when it asks for one and is trusted with it. */
    Optional<DataSource> dataSourceFor(LoadedPlugin plugin) {
        return plugin.factory() instanceof PlatformDatabaseVaults && trusts(plugin)
                ? Optional.ofNullable(dataSource)
                : Optional.empty();
    }

    /** The settings a database-backed plugin fills in for each integration, such as its namespace. */
    static Map<String, String> integrationDefaults(LoadedPlugin plugin, String integrationId) {
        return plugin.factory() instanceof PlatformDatabaseVaults database
                ? Map.copyOf(database.integrationDefaults(integrationId))
                : Map.of();
    }

    private boolean trusts(LoadedPlugin plugin) {
        return plugin.shippedWithServer() || trusted.contains(plugin.id());
    }
}
