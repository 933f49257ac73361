package dev.latchkey.vault.file;

import dev.latchkey.vault.spi.DestroyableVault;
import dev.latchkey.vault.spi.HealthStatus;
import dev.latchkey.vault.spi.PutOptions;
import dev.latchkey.vault.spi.Secret;
import dev.latchkey.vault.spi.SecretPath;
import dev.latchkey.vault.spi.SecretValue;
import dev.latchkey.vault.spi.VaultUnavailableException;
import dev.latchkey.vault.spi.VersionMetadata;
import dev.latchkey.vault.spi.kit.AtomicFileWriter;
import dev.latchkey.vault.spi.kit.SealedBox;
import dev.latchkey.vault.spi.kit.SecretHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@code file} vault: one encrypted leaf file per secret path, holding that secret's whole
 * history, replaced atomically on every change.
 *
 * <p>Because a path's history lives in one file, a write is a single atomic rename: after a
 * crash a reader sees the old history or the new one, never a mix. Writers of the same path are
 * serialised by a striped lock (a fixed array, so memory does not grow with the number of paths);
 * readers take no lock, as a rename never exposes a half-written file. The store assumes one
 * server process owns the directory.
 */
final class FileVaultProvider implements DestroyableVault {

    private static final int LOCK_STRIPES = 64;

    private final FileLayout layout;
    private final SealedBox box;
    private final long maxVersions;
    private final Clock clock;
    private final AtomicFileWriter writer;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    private FileVaultProvider(Path root, SealedBox box, long maxVersions, Clock clock, AtomicFileWriter writer) {
        this.layout = new FileLayout(root);
        this.box = box;
        this.maxVersions = maxVersions;
        this.clock = clock;
        this.writer = writer;
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    /**
     * Opens the store at {@code root}, creating it if needed and removing temp files that a crash
     * left behind.
     */
    static FileVaultProvider open(Path root, SealedBox box, long maxVersions, Clock clock, AtomicFileWriter writer)
            throws IOException {
        writer.createDirectories(root);
        try (Stream<Path> directories = Files.walk(root).filter(Files::isDirectory)) {
            for (Path directory : directories.toList()) {
                AtomicFileWriter.deleteTempFiles(directory);
            }
        }
        return new FileVaultProvider(root, box, maxVersions, clock, writer);
    }

    @Override
    public VersionMetadata put(SecretPath path, SecretValue value, PutOptions options) {
        return change(path, history -> history.put(value, options, clock.instant(), maxVersions));
    }

    @Override
    public Optional<Secret> read(SecretPath path) {
        return inspect(path, SecretHistory::readLatest);
    }

    @Override
    public Optional<Secret> read(SecretPath path, long version) {
        return inspect(path, history -> history.read(version));
    }

    @Override
    public List<VersionMetadata> versions(SecretPath path) {
        return inspect(path, SecretHistory::versions);
    }

    @Override
    public List<SecretPath> list(SecretPath.Prefix prefix) {
        Path directory = layout.directoryOf(prefix);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<SecretPath> found = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !AtomicFileWriter.isTempFile(file)) {
                        layout.pathOf(file).filter(path -> path.isUnder(prefix)).ifPresent(found::add);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    // A concurrent write renames its temp file away between reading the directory and looking at it.
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }
            });
        } catch (IOException failure) {
            throw unavailable("list " + directory, failure);
        }
        found.sort(null);
        return List.copyOf(found);
    }

    @Override
    public void delete(SecretPath path, long version) {
        change(path, history -> history.delete(version, clock.instant()));
    }

    @Override
    public void undelete(SecretPath path, long version) {
        change(path, history -> history.undelete(version));
    }

    @Override
    public void destroy(SecretPath path, long version) {
        change(path, history -> history.destroy(version));
    }

    @Override
    public HealthStatus health() {
        Path root = layout.root();
        return Files.isDirectory(root) && Files.isWritable(root)
                ? HealthStatus.up("store " + root + " is writable")
                : HealthStatus.down("store " + root + " is missing or not writable by the server");
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }

    @Override
    public String toString() {
        return "FileVaultProvider[" + layout.root() + ", maxVersions=" + maxVersions + "]";
    }

    private <T> T inspect(SecretPath path, Function<SecretHistory, T> query) {
        SecretHistory history = load(path);
        try {
            return query.apply(history);
        } finally {
            history.wipe();
        }
    }

    /**
     * Loads, changes and stores a history under the path's lock. A change that returns
     * {@code false} (nothing to do) or throws stores nothing.
     */
    private <T> T change(SecretPath path, Function<SecretHistory, T> mutation) {
        ReentrantLock lock = locks[Math.floorMod(path.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            SecretHistory history = load(path);
            try {
                T result = mutation.apply(history);
                if (!Boolean.FALSE.equals(result)) {
                    store(history);
                }
                return result;
            } finally {
                history.wipe();
            }
        } finally {
            lock.unlock();
        }
    }

    private SecretHistory load(SecretPath path) {
        Path file = layout.fileOf(path);
        byte[] plaintext = new byte[0];
        try {
            byte[] sealed =
                    EntryFile.parse(Files.readAllBytes(file)).orElseThrow(() -> new IOException("not a vault entry"));
            plaintext = box.open(sealed, associatedData(path));
            return SecretHistory.fromBytes(path, plaintext);
        } catch (NoSuchFileException neverWritten) {
            return SecretHistory.empty(path);
        } catch (IOException failure) {
            throw unavailable("read " + file, failure);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void store(SecretHistory history) {
        Path file = layout.fileOf(history.path());
        byte[] plaintext = history.toBytes();
        try {
            writer.createDirectories(file.getParent());
            writer.write(file, EntryFile.render(history.path(), box.seal(plaintext, associatedData(history.path()))));
        } catch (IOException failure) {
            throw unavailable("write " + file, failure);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Binds each ciphertext to its path, so entries moved between files fail to decrypt. */
    private static byte[] associatedData(SecretPath path) {
        return ("latchkey-file-vault:" + path.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static VaultUnavailableException unavailable(String action, IOException failure) {
        return new VaultUnavailableException(
                "The file vault could not " + action + ": " + failure.getMessage()
                        + ". Check the disk and the permissions of the store.",
                failure);
    }
}
