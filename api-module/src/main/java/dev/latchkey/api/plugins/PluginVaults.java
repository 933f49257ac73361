package dev.latchkey.api.plugins;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.api.persistence.SchemaMigration;
import dev.latchkey.domain.integration.AttributeSpec;
import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.ProviderSchema;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.vault.localdb.LocalDbVaultProviderFactory;
import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.AttributeType;
import dev.latchkey.vault.spi.Diagnostic;
import dev.latchkey.vault.spi.Diagnostics;
import dev.latchkey.vault.spi.InvalidSecretPathException;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultException;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The plugin registry and the running vault instances, one per integration: the adapter behind the domain's
 * {@link VaultPlugins} port.
 *
 * <p>Every call into plugin code is guarded: whatever it throws becomes a {@link ServiceUnavailableException} with a
 * clear detail and marks the integration DOWN, so a broken plugin fails the request that used it and nothing else.
 * Plugin calls run outside the request's JTA transaction ({@code NOT_SUPPORTED}): a plugin that uses the platform
 * database (local-db) commits its own work on its own connection.
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

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    /** Every discovered plugin by id; set once at start-up (package-private for tests). */
    Map<String, LoadedPlugin> plugins = Map.of();
    /** Where plugins may write; set once at start-up. */
    private WriteRoots writeRoots;
    private final List<String> loadFailures = new ArrayList<>();
    private final Map<IntegrationId, Instance> instances = new ConcurrentHashMap<>();
    /**
     * Held while an integration's instance is opened or closed, so that two requests finding it closed open it once:
     * two live instances over one storage could each generate a key, and the second open would close the first
     * while it is in use.
     */
    private final Map<IntegrationId, Object> activationLocks = new ConcurrentHashMap<>();
    /** Why an integration is DOWN, until a later call through it succeeds. */
    private final Map<IntegrationId, String> failures = new ConcurrentHashMap<>();

    /** A vault instance: the provider of one generation of an integration. */
    private record Instance(int generation, VaultProvider provider) {
    }

    @PostConstruct
    void discover() {
        writeRoots = WriteRoots.of(config.dataDir(), config.pluginsDir(), config.pluginWriteRoots());
        plugins = PluginDiscovery.discover(PluginVaults.class.getClassLoader(), config.pluginsDir(), loadFailures);
        LOG.info(() -> "Vault plugins: " + plugins.values().stream().map(p -> p.id() + " (" + p.origin() + ")").toList()
                + " from the server and " + config.pluginsDir());
    }

    @PreDestroy
    void closeAll() {
        instances.keySet().forEach(this::deactivate);
        // Each external jar has a class loader of its own; closing it releases the jar file and lets a redeployment
        // load the jar afresh.
        plugins.values().stream().filter(plugin -> !plugin.builtIn())
                .forEach(plugin -> PluginDiscovery.close(plugin.factory().getClass().getClassLoader()));
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
                LOG.warning(() -> "The integration '" + integration.name() + "' could not be opened: " + e.getMessage());
            }
        }
    }

    @Override
    public List<ProviderSchema> providers() {
        return plugins.values().stream().map(PluginVaults::describe)
                .sorted(java.util.Comparator.comparing(ProviderSchema::id)).toList();
    }

    @Override
    public Optional<ProviderSchema> provider(String id) {
        return Optional.ofNullable(plugins.get(id)).map(PluginVaults::describe);
    }

    @Override
    public List<ConfigDiagnostic> validate(String provider, IntegrationId id, Map<String, String> raw) {
        LoadedPlugin plugin = plugin(provider);
        Diagnostics diagnostics = guard(Optional.empty(), plugin, "check the configuration",
                () -> plugin.factory().validate(raw));
        List<ConfigDiagnostic> found = new ArrayList<>(diagnostics.stream().map(PluginVaults::toDomain).toList());
        // Before apply the generation is not known; every generation's folder lies at the same depth in its own.
        found.addAll(writePathRefusals(plugin, raw, integrationDirectory(id).resolve("next"), id));
        return found;
    }

    /** The platform's check of every {@link AttributeType#WRITABLE_PATH} value, default values included. */
    private List<ConfigDiagnostic> writePathRefusals(LoadedPlugin plugin, Map<String, String> raw, Path base,
            IntegrationId id) {
        List<ConfigDiagnostic> refusals = new ArrayList<>();
        for (Attribute<?> attribute : plugin.factory().schema().attributes()) {
            if (attribute.type() != AttributeType.WRITABLE_PATH) {
                continue;
            }
            Optional<Path> value = Optional.ofNullable(raw.get(attribute.name()))
                    .flatMap(AttributeType.WRITABLE_PATH::parse)
                    .or(() -> attribute.defaultValue().map(Path.class::cast));
            value.flatMap(path -> writeRoots.refusal(path, base, integrationDirectory(id))).ifPresent(why ->
                    refusals.add(new ConfigDiagnostic(true, "Path not allowed", why + " (latchkey.plugins.write-roots: "
                            + writeRoots.allowed() + ")", attribute.name())));
        }
        return refusals;
    }

    @Override
    public Map<String, String> platformDefaults(String provider, IntegrationId id) {
        // local-db vaults share one database: each integration keeps its rows under its own namespace.
        return LocalDbVaultProviderFactory.ID.equals(provider) ? Map.of("namespace", id.value()) : Map.of();
    }

    @Override
    public void activate(Integration integration) {
        synchronized (activationLock(integration.id())) {
            open(integration);
        }
    }

    private void open(Integration integration) {
        LoadedPlugin plugin = plugin(integration.provider());
        deactivate(integration.id());
        Path directory = dataDirectory(integration);
        // Checked again on every open: the operator may have narrowed the roots since the configuration was stored.
        List<ConfigDiagnostic> refused = writePathRefusals(plugin, integration.config().values(), directory,
                integration.id());
        if (!refused.isEmpty()) {
            failures.put(integration.id(), refused.stream().map(ConfigDiagnostic::detail)
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
            throw new ValidationException(refused.stream().map(ConfigDiagnostic::toViolation).toList());
        }
        VaultContext context = new VaultContext(directory,
                plugin.builtIn() ? Optional.of(dataSource) : Optional.empty(), clock, random);
        Result<VaultProvider> opened = guard(Optional.of(integration.id()), plugin, "open the vault",
                () -> plugin.factory().configure(integration.config().values(), context));
        switch (opened) {
            case Result.Ok<VaultProvider> ok -> {
                instances.put(integration.id(), new Instance(integration.generation(), ok.value()));
                failures.remove(integration.id());
            }
            case Result.Failed<VaultProvider> failed -> {
                failures.put(integration.id(), failed.diagnostics().errors().stream().map(Diagnostic::toString)
                        .reduce((a, b) -> a + "; " + b).orElse("the plugin refused the configuration"));
                throw new ValidationException(failed.diagnostics().errors().stream()
                        .map(d -> toDomain(d).toViolation()).toList());
            }
        }
    }

    @Override
    public void deactivate(IntegrationId id) {
        synchronized (activationLock(id)) {
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

    @Override
    public IntegrationHealth health(Integration integration) {
        Optional<String> failure = Optional.ofNullable(failures.get(integration.id()));
        if (failure.isPresent()) {
            return IntegrationHealth.down(failure.get());
        }
        try {
            VaultProvider provider = instance(integration);
            var status = guard(Optional.of(integration.id()), plugin(integration.provider()), "check its health",
                    provider::health);
            return status.up() ? IntegrationHealth.up(status.message()) : IntegrationHealth.down(status.message());
        } catch (ServiceUnavailableException | ValidationException e) {
            return IntegrationHealth.down(e.getMessage());
        }
    }

    @Override
    public StoredSecret write(Integration integration, String path, String value, Map<String, String> metadata) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = secretPath(path);
        try (SecretValue secret = SecretValue.ofUtf8(value)) {
            VersionMetadata written = guard(Optional.of(integration.id()), plugin(integration.provider()),
                    "write the secret", () -> provider.put(secretPath, secret, new PutOptions(
                            java.util.OptionalLong.empty(), metadata)));
            failures.remove(integration.id());
            return new StoredSecret(path, written.version(), written.createdAt(), written.metadata());
        }
    }

    @Override
    public Optional<StoredSecret> read(Integration integration, String path) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = secretPath(path);
        Optional<Secret> found = guard(Optional.of(integration.id()), plugin(integration.provider()),
                "read the secret", () -> provider.read(secretPath));
        // Only the metadata leaves this method; the value is wiped at once.
        try (Secret secret = found.orElse(null)) {
            return Optional.ofNullable(secret).map(s -> new StoredSecret(path, s.version(),
                    s.metadata().createdAt(), s.metadata().metadata()));
        }
    }

    @Override
    public Optional<String> readValue(Integration integration, String path, long version) {
        VaultProvider provider = instance(integration);
        SecretPath secretPath = secretPath(path);
        Optional<Secret> found = guard(Optional.of(integration.id()), plugin(integration.provider()),
                "read the secret", () -> provider.read(secretPath, version));
        try (Secret secret = found.orElse(null)) {
            if (secret == null) {
                return Optional.empty();
            }
            byte[] bytes = secret.value().bytes();
            try {
                return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    @Override
    public void discard(Integration integration, StoredSecret written) {
        try {
            instance(integration).delete(secretPath(written.path()), written.version());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not discard version " + written.version() + " of " + written.path()
                    + " in integration " + integration.id() + " after a failed save", e);
        }
    }

    private VaultProvider instance(Integration integration) {
        Instance open = instances.get(integration.id());
        if (open != null && open.generation() == integration.generation()) {
            return open.provider();
        }
        synchronized (activationLock(integration.id())) {
            open = instances.get(integration.id());
            if (open != null && open.generation() == integration.generation()) {
                return open.provider(); // opened by a request that held the lock before this one
            }
            try {
                open(integration);
            } catch (ValidationException e) {
                throw new ServiceUnavailableException("vault_unavailable", "the vault plugin '"
                        + integration.provider() + "' cannot open the integration '" + integration.name() + "': "
                        + failures.getOrDefault(integration.id(), e.getMessage()));
            }
            return instances.get(integration.id()).provider();
        }
    }

    private Object activationLock(IntegrationId id) {
        return activationLocks.computeIfAbsent(id, ignored -> new Object());
    }

    /** Runs plugin code; anything it throws is reported, never propagated as is. */
    private <T> T guard(Optional<IntegrationId> integration, LoadedPlugin plugin, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            // SPI exceptions promise messages without values; anything else is described only in the log.
            String why = e instanceof VaultException ? e.getMessage() : "an unexpected error (the server log has it)";
            String detail = "the vault plugin '" + plugin.id() + "' (" + plugin.origin() + ") failed to " + action
                    + ": " + why;
            integration.ifPresent(id -> failures.put(id, detail));
            LOG.log(Level.WARNING, detail, e);
            throw new ServiceUnavailableException("vault_unavailable", detail);
        }
    }

    private LoadedPlugin plugin(String provider) {
        LoadedPlugin plugin = plugins.get(provider);
        if (plugin == null) {
            throw new ServiceUnavailableException("vault_unavailable", "the vault plugin '" + provider
                    + "' is not installed; put its jar back into " + config.pluginsDir() + " and restart");
        }
        return plugin;
    }

    /** {@code <data dir>/integrations/<id>}: the folder of all of an integration's generations. */
    private Path integrationDirectory(IntegrationId id) {
        return config.dataDir().resolve(WriteRoots.INTEGRATIONS).resolve(id.value());
    }

    /** {@code <data dir>/integrations/<id>/<generation>}, mode 0700: a replacement starts in a fresh directory. */
    private Path dataDirectory(Integration integration) {
        Path directory = integrationDirectory(integration.id()).resolve(Integer.toString(integration.generation()));
        try {
            AtomicFileWriter.DURABLE.createDirectories(directory);
            return directory;
        } catch (IOException e) {
            throw new ServiceUnavailableException("vault_unavailable", "cannot create the vault's data directory "
                    + directory + ": " + e.getMessage());
        }
    }

    private static SecretPath secretPath(String path) {
        try {
            return SecretPath.parse(path);
        } catch (InvalidSecretPathException e) {
            throw new ValidationException(new Violation("path", "invalid_path", e.getMessage()));
        }
    }

    private static ProviderSchema describe(LoadedPlugin plugin) {
        VaultProviderFactory factory = plugin.factory();
        return new ProviderSchema(factory.id(), factory.description(), plugin.origin(),
                factory.schema().attributes().stream().map(PluginVaults::describe).toList());
    }

    private static AttributeSpec describe(Attribute<?> attribute) {
        return new AttributeSpec(attribute.name(), attribute.type().name(), attribute.required(),
                attribute.defaultValue().map(PluginVaults::text), attribute.sensitive(), attribute.requiresReplace(),
                attribute.description());
    }

    /** Defaults as a user would write them, so that an explicit default plans as no change. */
    private static String text(Object value) {
        return value instanceof java.time.Duration duration ? duration.toString() : String.valueOf(value);
    }

    private static ConfigDiagnostic toDomain(Diagnostic diagnostic) {
        return new ConfigDiagnostic(diagnostic.isError(), diagnostic.summary(), diagnostic.detail(),
                String.join(".", diagnostic.path().steps()));
    }
}
