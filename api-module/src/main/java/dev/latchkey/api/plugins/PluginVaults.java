package dev.latchkey.api.plugins;

import dev.latchkey.api.config.DatabaseConfig;
import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.ProviderSchema;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Diagnostics;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VersionMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The adapter behind the domain's {@link VaultPlugins} port: the discovered plugins ({@link PluginDiscovery}), their
 * running instances ({@link VaultInstances}), the folders and write paths they may use ({@link IntegrationFolders})
 * and what else the platform lends them ({@link PlatformResources}).
 *
 * <p>Plugin calls run outside the request's JTA transaction ({@code NOT_SUPPORTED}): a plugin that uses the platform
 * database commits its own work on its own connection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class PluginVaults implements VaultPlugins { // not final: CDI proxies application-scoped beans
    private static final Logger LOG = Logger.getLogger(PluginVaults.class.getName());

    @Inject
    LatchkeyConfig config;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Resource(lookup = DatabaseConfig.DATA_SOURCE)
    DataSource dataSource;

    /** Every discovered plugin by id; set once at start-up (package-private for tests). */
    Map<String, LoadedPlugin> plugins = Map.of();

    private final List<String> loadFailures = new ArrayList<>();
    private final VaultInstances instances = new VaultInstances();
    private IntegrationFolders folders;
    private PlatformResources resources;

    @PostConstruct
    void discover() {
        folders = new IntegrationFolders(
                config.dataDir(), WriteRoots.of(config.dataDir(), config.pluginsDir(), config.pluginWriteRoots()));
        resources = new PlatformResources(dataSource, config.trustedPlugins());
        plugins = PluginDiscovery.discover(PluginVaults.class.getClassLoader(), config.pluginsDir(), loadFailures);
        LOG.info(() -> "Vault plugins: "
                + plugins.values().stream()
                        .map(p -> p.id() + " (" + p.origin() + ")")
                        .toList() + " from the server and " + config.pluginsDir());
    }

    @PreDestroy
    void closeAll() {
        instances.closeAll();
        // Each external jar has a class loader of its own; closing it releases the jar file and lets a redeployment
        // load the jar afresh. Loaders the discovery did not make are left alone.
        plugins.values()
                .forEach(plugin ->
                        PluginDiscovery.close(plugin.factory().getClass().getClassLoader()));
    }

    /** Problems of plugin jars that could not be loaded; they were skipped. */
    public List<String> loadFailures() {
        return List.copyOf(loadFailures);
    }

    /** Opens every stored integration at start-up; one that fails is reported DOWN, the others still open. */
    public void openAll(Collection<Integration> integrations) {
        for (Integration integration : integrations) {
            try {
                activate(integration);
            } catch (ValidationException | ServiceUnavailableException e) {
                LOG.warning(
                        () -> "The integration '" + integration.name() + "' could not be opened: " + e.getMessage());
            }
        }
    }

    @Override
    public List<ProviderSchema> providers() {
        return plugins.values().stream()
                .map(PluginSchemas::describe)
                .sorted(Comparator.comparing(ProviderSchema::id))
                .toList();
    }

    @Override
    public Optional<ProviderSchema> provider(String id) {
        return Optional.ofNullable(plugins.get(id)).map(PluginSchemas::describe);
    }

    @Override
    public List<ConfigDiagnostic> validate(String provider, IntegrationId id, Map<String, String> raw) {
        LoadedPlugin plugin = plugin(provider);
        Diagnostics diagnostics = instances.guard(
                Optional.empty(),
                plugin,
                "check the configuration",
                () -> plugin.factory().validate(raw));
        List<ConfigDiagnostic> found = new ArrayList<>(
                diagnostics.stream().map(PluginSchemas::toDomain).toList());
        found.addAll(folders.writePathRefusals(plugin, id, raw));
        return found;
    }

    @Override
    public Map<String, String> platformDefaults(String provider, IntegrationId id) {
        LoadedPlugin plugin = plugin(provider);
        return instances.guard(
                Optional.empty(),
                plugin,
                "choose its per-integration defaults",
                () -> PlatformResources.integrationDefaults(plugin, id.value()));
    }

    @Override
    public void activate(Integration integration) {
        instances.reopen(integration, this::open);
    }

    private VaultProvider open(Integration integration) {
        LoadedPlugin plugin = plugin(integration.provider());
        Path directory = folders.create(integration);
        // Checked again on every open: the operator may have narrowed the roots since the configuration was stored.
        List<ConfigDiagnostic> refused = folders.writePathRefusals(
                plugin, integration.id(), integration.config().values(), directory);
        if (!refused.isEmpty()) {
            instances.failed(
                    integration.id(),
                    refused.stream()
                            .map(ConfigDiagnostic::detail)
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow());
            throw new ValidationException(
                    refused.stream().map(ConfigDiagnostic::toViolation).toList());
        }
        VaultContext context = new VaultContext(directory, resources.dataSourceFor(plugin), clock, random);
        Result<VaultProvider> opened = instances.guard(
                Optional.of(integration.id()),
                plugin,
                "open the vault",
                () -> plugin.factory().configure(integration.config().values(), context));
        return switch (opened) {
            case Result.Ok<VaultProvider> ok -> ok.value();
            case Result.Failed<VaultProvider> failed -> {
                instances.failed(
                        integration.id(),
                        failed.diagnostics().errors().stream()
                                .map(Diagnostic::toString)
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("the plugin refused the configuration"));
                throw new ValidationException(failed.diagnostics().errors().stream()
                        .map(d -> PluginSchemas.toDomain(d).toViolation())
                        .toList());
            }
        };
    }

    @Override
    public void deactivate(IntegrationId id) {
        instances.close(id);
    }

    @Override
    public IntegrationHealth health(Integration integration) {
        Optional<String> failure = instances.failure(integration.id());
        if (failure.isPresent()) {
            return IntegrationHealth.down(failure.get());
        }
        try {
            VaultProvider provider = instance(integration);
            var status = instances.guard(
                    Optional.of(integration.id()),
                    plugin(integration.provider()),
                    "check its health",
                    provider::health);
            return status.up() ? IntegrationHealth.up(status.message()) : IntegrationHealth.down(status.message());
        } catch (ServiceUnavailableException | ValidationException e) {
            return IntegrationHealth.down(e.getMessage());
        }
    }

    @Override
    public StoredSecret write(Integration integration, String path, String value, Map<String, String> metadata) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = PluginSchemas.secretPath(path);
        try (SecretValue secret = SecretValue.ofUtf8(value)) {
            VersionMetadata written = instances.guard(
                    Optional.of(integration.id()),
                    plugin(integration.provider()),
                    "write the secret",
                    () -> provider.put(secretPath, secret, new PutOptions(OptionalLong.empty(), metadata)));
            instances.succeeded(integration.id());
            return new StoredSecret(path, written.version(), written.createdAt(), written.metadata());
        }
    }

    @Override
    public Optional<StoredSecret> read(Integration integration, String path) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = PluginSchemas.secretPath(path);
        Optional<Secret> found = instances.guard(
                Optional.of(integration.id()),
                plugin(integration.provider()),
                "read the secret",
                () -> provider.read(secretPath));
        // Only the metadata leaves this method; the value is wiped at once.
        try (Secret secret = found.orElse(null)) {
            return Optional.ofNullable(secret)
                    .map(s -> new StoredSecret(
                            path,
                            s.version(),
                            s.metadata().createdAt(),
                            s.metadata().metadata()));
        }
    }

    @Override
    public Optional<String> readValue(Integration integration, String path, long version) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = PluginSchemas.secretPath(path);
        Optional<Secret> found = instances.guard(
                Optional.of(integration.id()),
                plugin(integration.provider()),
                "read the secret",
                () -> provider.read(secretPath, version));
        try (Secret secret = found.orElse(null)) {
            if (secret == null) {
                return Optional.empty();
            }
            byte[] bytes = secret.value().bytes();
            try {
                return Optional.of(new String(bytes, StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    @Override
    public void discard(Integration integration, StoredSecret written) {
        try {
            instance(integration).delete(PluginSchemas.secretPath(written.path()), written.version());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(
                    Level.WARNING,
                    "Could not discard version " + written.version() + " of " + written.path() + " in integration "
                            + integration.id() + " after a failed save",
                    e);
        }
    }

    /** The integration's open instance; one that cannot be opened is unavailable, with the reason. */
    private VaultProvider instance(Integration integration) {
        try {
            return instances.get(integration, this::open);
        } catch (ValidationException e) {
            throw new ServiceUnavailableException(
                    "vault_unavailable",
                    "the vault plugin '"
                            + integration.provider() + "' cannot open the integration '" + integration.name() + "': "
                            + instances.failure(integration.id()).orElse(e.getMessage()));
        }
    }

    private LoadedPlugin plugin(String provider) {
        LoadedPlugin plugin = plugins.get(provider);
        if (plugin == null) {
            throw new ServiceUnavailableException(
                    "vault_unavailable",
                    "the vault plugin '" + provider + "' is not installed; put its jar back into " + config.pluginsDir()
                            + " and restart");
        }
        return plugin;
    }
}
