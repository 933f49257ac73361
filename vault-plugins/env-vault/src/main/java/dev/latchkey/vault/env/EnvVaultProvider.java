package dev.latchkey.vault.env;

import dev.latchkey.vault.spi.DestroyableVault;
import dev.latchkey.vault.spi.HealthStatus;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.UnsupportedSecretException;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.SealedBox;
import dev.latchkey.vault.spi.kit.SecretHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An {@code env} vault.
 *
 * <p>Semantics, since a dotenv file cannot hold versions:
 * <ul>
 *   <li>The source of truth is the <em>history sidecar</em> {@code .<file>.history} next to the
 *       dotenv file: every path's versions and metadata, sealed with AES-256-GCM. It gives this
 *       vault the full KV v2 contract (versions, check-and-set, soft delete, undelete, destroy).</li>
 *   <li>The dotenv file is a projection: one {@code NAME="value"} line per path whose latest version
 *       is readable, the name derived by {@link DotenvFormat#variableName}. It is rewritten after
 *       the sidecar on every change, and re-rendered on open, so a crash between the two writes
 *       heals at the next start. Lines edited by hand are overwritten; {@link #health()} reports
 *       such drift.</li>
 *   <li>Values must be UTF-8 text without NUL, as environment variables are; two paths that map to
 *       the same variable name cannot both be stored.</li>
 *   <li>A path this vault never wrote is looked up, read-only, in the process environment under its
 *       variable name, and reported as version 1 with metadata {@code source=environment}. It is
 *       not listed, and writing the path shadows the environment from then on.</li>
 * </ul>
 * All files are rewritten atomically with mode 0600. One lock guards the whole state, since every
 * change rewrites the whole file anyway.
 */
final class EnvVaultProvider implements DestroyableVault {

    private static final byte[] ASSOCIATED_DATA = "latchkey-env-vault:history".getBytes(StandardCharsets.UTF_8);

    private final Path dotenv;
    private final Path sidecar;
    private final SealedBox box;
    private final long maxVersions;
    private final Map<String, String> environment;
    private final Clock clock;
    private final AtomicFileWriter writer = AtomicFileWriter.DURABLE;
    private TreeMap<SecretPath, SecretHistory> state;

    private EnvVaultProvider(
            Path dotenv, SealedBox box, long maxVersions, Map<String, String> environment, Clock clock) {
        this.dotenv = dotenv.toAbsolutePath();
        this.sidecar = this.dotenv.resolveSibling("." + dotenv.getFileName() + ".history");
        this.box = box;
        this.maxVersions = maxVersions;
        this.environment = environment;
        this.clock = clock;
    }

    static EnvVaultProvider open(
            Path dotenv, SealedBox box, long maxVersions, Map<String, String> environment, Clock clock)
            throws IOException {
        EnvVaultProvider provider = new EnvVaultProvider(dotenv, box, maxVersions, environment, clock);
        provider.writer.createDirectories(provider.dotenv.getParent());
        AtomicFileWriter.deleteTempFiles(provider.dotenv.getParent());
        provider.state = provider.loadState();
        provider.writer.write(provider.dotenv, provider.renderDotenv(provider.state));
        return provider;
    }

    @Override
    public synchronized VersionMetadata put(SecretPath path, SecretValue value, PutOptions options) {
        requireStorable(path, value);
        return change(path, history -> history.put(value, options, clock.instant(), maxVersions));
    }

    @Override
    public synchronized Optional<Secret> read(SecretPath path) {
        return managed(path).isPresent() ? managed(path).get().readLatest() : fromEnvironment(path);
    }

    @Override
    public synchronized Optional<Secret> read(SecretPath path, long version) {
        return managed(path).isPresent()
                ? managed(path).get().read(version)
                : fromEnvironment(path).filter(secret -> secret.version() == version);
    }

    @Override
    public synchronized List<VersionMetadata> versions(SecretPath path) {
        return managed(path)
                .map(SecretHistory::versions)
                .orElseGet(() -> fromEnvironment(path)
                        .map(secret -> {
                            try (secret) {
                                return List.of(secret.metadata());
                            }
                        })
                        .orElse(List.of()));
    }

    @Override
    public synchronized List<SecretPath> list(SecretPath.Prefix prefix) {
        return state.keySet().stream().filter(path -> path.isUnder(prefix)).toList();
    }

    @Override
    public synchronized void delete(SecretPath path, long version) {
        change(path, history -> history.delete(version, clock.instant()));
    }

    @Override
    public synchronized void undelete(SecretPath path, long version) {
        change(path, history -> history.undelete(version));
    }

    @Override
    public synchronized void destroy(SecretPath path, long version) {
        change(path, history -> history.destroy(version));
    }

    @Override
    public synchronized HealthStatus health() {
        try {
            Optional<Map<String, String>> onDisk = DotenvFormat.parse(Files.readString(dotenv));
            if (onDisk.isEmpty() || !onDisk.get().equals(variables(state))) {
                return HealthStatus.down("dotenv file " + dotenv + " was changed outside Latchkey; the next change to"
                        + " this vault overwrites it (restart the server to rewrite it now)");
            }
            return HealthStatus.up("dotenv file " + dotenv + " matches the vault");
        } catch (IOException failure) {
            return HealthStatus.down("dotenv file " + dotenv + " cannot be read: " + failure.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        state.values().forEach(SecretHistory::wipe);
    }

    @Override
    public String toString() {
        return "EnvVaultProvider[" + dotenv + "]";
    }

    private Optional<SecretHistory> managed(SecretPath path) {
        return Optional.ofNullable(state.get(path));
    }

    private Optional<Secret> fromEnvironment(SecretPath path) {
        return Optional.ofNullable(environment.get(DotenvFormat.variableName(path.value())))
                .map(text -> new Secret(
                        path,
                        VersionMetadata.created(1, Instant.EPOCH, Map.of("source", "environment")),
                        SecretValue.ofUtf8(text)));
    }

    /**
     * Applies a change to a copy of the path's history and stores the new state. Writing the
     * sidecar commits the change: from then on memory holds it too, and the change is reported as
     * done even if the dotenv projection cannot be rewritten (the next change or start rewrites it,
     * and {@link #health()} reports it meanwhile). Reporting such a change as failed would be
     * untrue: it would reappear at the next start.
     */
    private <T> T change(SecretPath path, Function<SecretHistory, T> mutation) {
        SecretHistory changed = managed(path).map(SecretHistory::copy).orElseGet(() -> SecretHistory.empty(path));
        T result = mutation.apply(changed);
        if (Boolean.FALSE.equals(result)) {
            changed.wipe();
            return result;
        }
        TreeMap<SecretPath, SecretHistory> next = new TreeMap<>(state);
        next.put(path, changed);
        try {
            writer.write(sidecar, box.seal(serialize(next), ASSOCIATED_DATA));
        } catch (IOException failure) {
            changed.wipe();
            throw new VaultUnavailableException(
                    "The env vault could not write the history of " + dotenv + ": " + failure.getMessage()
                            + ". Check the disk and permissions.",
                    failure);
        }
        Optional.ofNullable(state.put(path, changed)).ifPresent(SecretHistory::wipe);
        try {
            writer.write(dotenv, renderDotenv(state));
        } catch (IOException projectionLags) {
            // Committed in the sidecar already; health() reports the stale file until a later write succeeds.
        }
        return result;
    }

    private void requireStorable(SecretPath path, SecretValue value) {
        Optional<String> text = value.utf8();
        if (text.isEmpty() || text.get().indexOf('\0') >= 0) {
            throw new UnsupportedSecretException("The env vault stores UTF-8 text without NUL characters only,"
                    + " as environment variables do; store binary secrets base64-encoded or use another vault.");
        }
        String name = DotenvFormat.variableName(path.value());
        state.keySet().stream()
                .filter(other -> !other.equals(path)
                        && DotenvFormat.variableName(other.value()).equals(name))
                .findFirst()
                .ifPresent(other -> {
                    throw new UnsupportedSecretException("Secret \"" + path + "\" would be written as " + name
                            + ", which \"" + other + "\" already uses; rename one of the paths.");
                });
    }

    private Map<String, String> variables(Map<SecretPath, SecretHistory> histories) {
        Map<String, String> variables = new LinkedHashMap<>();
        histories
                .values()
                .forEach(history -> history.readLatest().ifPresent(secret -> {
                    try (secret) {
                        variables.put(
                                DotenvFormat.variableName(secret.path().value()),
                                secret.value().utf8().orElseThrow());
                    }
                }));
        return variables;
    }

    private byte[] renderDotenv(Map<SecretPath, SecretHistory> histories) {
        return DotenvFormat.render(variables(histories)).getBytes(StandardCharsets.UTF_8);
    }

    private TreeMap<SecretPath, SecretHistory> loadState() throws IOException {
        TreeMap<SecretPath, SecretHistory> loaded = new TreeMap<>();
        if (Files.notExists(sidecar)) {
            return loaded;
        }
        byte[] plaintext = box.open(Files.readAllBytes(sidecar), ASSOCIATED_DATA);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                SecretPath path = SecretPath.parse(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
                byte[] history = in.readNBytes(in.readInt());
                loaded.put(path, SecretHistory.fromBytes(path, history));
                Arrays.fill(history, (byte) 0);
            }
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return loaded;
    }

    private static byte[] serialize(Map<SecretPath, SecretHistory> histories) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(histories.size());
            for (Map.Entry<SecretPath, SecretHistory> entry : histories.entrySet()) {
                byte[] path = entry.getKey().value().getBytes(StandardCharsets.UTF_8);
                byte[] history = entry.getValue().toBytes();
                out.writeInt(path.length);
                out.write(path);
                out.writeInt(history.length);
                out.write(history);
                Arrays.fill(history, (byte) 0);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return buffer.toByteArray();
    }
}
