package dev.latchkey.domain.testing;

import dev.latchkey.domain.integration.AttributeSpec;
import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.ProviderSchema;
import dev.latchkey.domain.integration.StoredSecret;
import dev.latchkey.domain.integration.VaultPlugins;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two providers with small schemas and secrets kept in memory. {@code files} has {@code directory} (requires
 * replace), {@code max_versions} (default 10, at least 1) and the sensitive {@code key}; {@code local-db} has a
 * {@code namespace} the platform fills in. {@link #failWrites} makes writes fail as a broken plugin would;
 * {@link #afterEachWrite} lets time pass during a write.
 */
public final class FakeVaultPlugins implements VaultPlugins {
    public static final ProviderSchema FILES = new ProviderSchema(
            "files",
            "Files.",
            "built-in",
            List.of(
                    new AttributeSpec("directory", "path", false, Optional.empty(), false, true, "Where."),
                    new AttributeSpec("max_versions", "integer", false, Optional.of("10"), false, false, "How many."),
                    new AttributeSpec("key", "secret", false, Optional.empty(), true, true, "Encryption key.")));
    public static final ProviderSchema LOCAL = new ProviderSchema(
            "local-db",
            "Database.",
            "built-in",
            List.of(new AttributeSpec("namespace", "string", false, Optional.of("default"), false, true, "Rows.")));

    private final Map<String, Map<String, List<StoredSecret>>> secrets = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<IntegrationId> active = new HashSet<>();
    private final List<Integration> activations = new ArrayList<>();
    private boolean failWrites;
    private Runnable afterWrite = () -> {};

    public FakeVaultPlugins failWrites() {
        failWrites = true;
        return this;
    }

    /** Runs {@code action} after each successful write, as if it happened while the vault was writing. */
    public FakeVaultPlugins afterEachWrite(Runnable action) {
        afterWrite = action;
        return this;
    }

    @Override
    public List<ProviderSchema> providers() {
        return List.of(FILES, LOCAL);
    }

    @Override
    public Optional<ProviderSchema> provider(String id) {
        return providers().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public List<ConfigDiagnostic> validate(String provider, IntegrationId id, Map<String, String> config) {
        List<ConfigDiagnostic> found = new ArrayList<>();
        ProviderSchema schema = provider(provider).orElseThrow();
        config.keySet().stream()
                .filter(name -> schema.attribute(name).isEmpty())
                .sorted()
                .forEach(name -> found.add(new ConfigDiagnostic(true, "Unknown attribute", "Remove it.", name)));
        Optional.ofNullable(config.get("max_versions"))
                .filter(v -> !v.matches("[1-9][0-9]*"))
                .ifPresent(v -> found.add(new ConfigDiagnostic(
                        true, "Wrong type", "Set max_versions to a whole number of at least 1.", "max_versions")));
        Optional.ofNullable(config.get("max_versions"))
                .filter(v -> v.length() > 3)
                .ifPresent(v ->
                        found.add(new ConfigDiagnostic(false, "Many versions kept", "Keep fewer.", "max_versions")));
        return found;
    }

    @Override
    public Map<String, String> platformDefaults(String provider, IntegrationId id) {
        return provider.equals(LOCAL.id()) ? Map.of("namespace", id.value()) : Map.of();
    }

    @Override
    public void activate(Integration integration) {
        active.add(integration.id());
        activations.add(integration);
    }

    @Override
    public void deactivate(IntegrationId id) {
        active.remove(id);
    }

    @Override
    public IntegrationHealth health(Integration integration) {
        return active.contains(integration.id()) ? IntegrationHealth.up("ok") : IntegrationHealth.down("not open");
    }

    @Override
    public StoredSecret write(Integration integration, String path, String value, Map<String, String> metadata) {
        if (failWrites) {
            throw new ServiceUnavailableException("vault_unavailable", "the plugin failed");
        }
        List<StoredSecret> versions = secrets.computeIfAbsent(integration.id().value(), k -> new HashMap<>())
                .computeIfAbsent(path, k -> new ArrayList<>());
        StoredSecret written = new StoredSecret(path, versions.size() + 1L, Instant.EPOCH, metadata);
        versions.add(written);
        values.put(integration.id() + "/" + path + "@" + written.version(), value);
        afterWrite.run();
        return written;
    }

    @Override
    public Optional<StoredSecret> read(Integration integration, String path) {
        List<StoredSecret> versions =
                secrets.getOrDefault(integration.id().value(), Map.of()).getOrDefault(path, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public Optional<String> readValue(Integration integration, String path, long version) {
        return value(integration, path, version);
    }

    @Override
    public void discard(Integration integration, StoredSecret written) {
        secrets.get(integration.id().value()).get(written.path()).remove(written);
        values.remove(integration.id() + "/" + written.path() + "@" + written.version());
    }

    /** The value written at {@code path} in that version, if it is still there. */
    public Optional<String> value(Integration integration, String path, long version) {
        return Optional.ofNullable(values.get(integration.id() + "/" + path + "@" + version));
    }

    public List<Integration> activations() {
        return List.copyOf(activations);
    }
}
