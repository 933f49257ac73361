package dev.latchkey.api.startup;

import dev.latchkey.api.persistence.SchemaMigration;
import dev.latchkey.api.plugins.PluginVaults;
import dev.latchkey.domain.integration.IntegrationService;
import dev.latchkey.domain.integration.VaultService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Discovers the vault plugins (two with one id stop the deployment, naming both jars), creates the "Local vault" on
 * the first start, and opens every integration so that a broken one shows as DOWN at once rather than on first use.
 */
@Startup
@Singleton
@DependsOn(SchemaMigration.NAME)
public class VaultBootstrap { // not final: the EJB container subclasses its beans
    private static final Logger LOG = Logger.getLogger(VaultBootstrap.class.getName());

    @Inject
    PluginVaults plugins;

    @Inject
    VaultService vaults;

    @Inject
    IntegrationService integrations;

    @PostConstruct
    void start() {
        plugins.loadFailures(); // instantiates the registry: plugin discovery runs now, not on the first request
        vaults.ensureDefaultVault()
                .ifPresent(created -> LOG.info(() -> "Created the default vault '" + created.name() + "' (local-db)"));
        plugins.openAll(integrations.list());
    }
}
