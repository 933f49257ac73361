package dev.latchkey.api.plugins;

import dev.latchkey.domain.integration.ConfigDiagnostic;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.shared.ServiceUnavailableException;
import dev.latchkey.vault.spi.Attribute;
import dev.latchkey.vault.spi.AttributeType;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where integrations keep files: each its own folder in the data directory, one sub-folder per generation, and the
 * platform's check of every path a plugin declares it writes to ({@link AttributeType#WRITABLE_PATH}).
 */
final class IntegrationFolders {
    private final Path dataDirectory;
    private final WriteRoots writeRoots;

    IntegrationFolders(Path dataDirectory, WriteRoots writeRoots) {
        this.dataDirectory = dataDirectory;
        this.writeRoots = writeRoots;
    }

    /** {@code <data dir>/integrations/<id>/<generation>}, mode 0700: a replacement starts in a fresh directory. */
    Path create(Integration integration) {
        Path directory = of(integration.id()).resolve(Integer.toString(integration.generation()));
        try {
            AtomicFileWriter.DURABLE.createDirectories(directory);
            return directory;
        } catch (IOException e) {
            throw new ServiceUnavailableException(
                    "vault_unavailable",
                    "cannot create the vault's data directory " + directory + ": " + e.getMessage());
        }
    }

    /** Refusals of a configuration not yet applied, whose generation is not known yet. */
    List<ConfigDiagnostic> writePathRefusals(LoadedPlugin plugin, IntegrationId id, Map<String, String> raw) {
        // Every generation's folder lies at the same depth in the integration's own.
        return writePathRefusals(plugin, id, raw, of(id).resolve("next"));
    }

    /**
     * The platform's check of every {@link AttributeType#WRITABLE_PATH} value, default values included, resolved
     * against {@code base} as the plugin resolves it.
     */
    List<ConfigDiagnostic> writePathRefusals(
            LoadedPlugin plugin, IntegrationId id, Map<String, String> raw, Path base) {
        List<ConfigDiagnostic> refusals = new ArrayList<>();
        for (Attribute<?> attribute : plugin.factory().schema().attributes()) {
            if (attribute.type() != AttributeType.WRITABLE_PATH) {
                continue;
            }
            Optional<Path> value = Optional.ofNullable(raw.get(attribute.name()))
                    .flatMap(AttributeType.WRITABLE_PATH::parse)
                    .or(() -> attribute.defaultValue().map(Path.class::cast));
            value.flatMap(path -> writeRoots.refusal(path, base, of(id)))
                    .ifPresent(why -> refusals.add(new ConfigDiagnostic(
                            true,
                            "Path not allowed",
                            why + " (latchkey.plugins.write-roots: " + writeRoots.allowed() + ")",
                            attribute.name())));
        }
        return refusals;
    }

    /** {@code <data dir>/integrations/<id>}: the folder of all of an integration's generations. */
    private Path of(IntegrationId id) {
        return dataDirectory.resolve(WriteRoots.INTEGRATIONS).resolve(id.value());
    }
}
