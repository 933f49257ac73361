package dev.latchkey.vault.spi;

import java.util.Map;

/**
 * Optional capability: a factory whose vaults keep their data in the platform's own database.
 *
 * <p>The platform lends such a factory's vaults its {@code DataSource} through
 * {@link VaultContext#dataSource()} only when the operator trusts the plugin with the database (the
 * plugins shipped inside the server are; an external jar is when its id is listed in the
 * {@code latchkey.plugins.trusted} setting). Any other factory, and an untrusted one, gets an empty
 * data source: a plugin with the platform's connection could read every table. The platform checks
 * {@code factory instanceof PlatformDatabaseVaults}; it never recognises a plugin by its id.
 */
public interface PlatformDatabaseVaults extends VaultProviderFactory {

    /**
     * Settings the platform fills in for an integration when its user leaves them out, so that
     * integrations sharing the one database keep apart: typically a namespace named after the
     * integration. The result is validated and stored like the user's own settings.
     *
     * @param integrationId the integration's id, unique and stable for its lifetime
     * @return attribute values by name; empty for none
     */
    Map<String, String> integrationDefaults(String integrationId);
}
