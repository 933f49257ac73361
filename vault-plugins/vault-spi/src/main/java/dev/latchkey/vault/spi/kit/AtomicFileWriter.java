package dev.latchkey.vault.spi.kit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files so that a crash at any instant leaves either the old or the new content, never a
 * torn or empty file: write a temp file in the same directory, fsync it, rename it over the target
 * ({@link StandardCopyOption#ATOMIC_MOVE}), then fsync the directory so the rename itself is
 * durable. New files get mode 0600 and new directories 0700 on POSIX file systems.
 *
 * <p>A crash can leave temp files behind; they are named {@code .<target>}{@value #TEMP_MARKER}
 * {@code <random>} and {@link #deleteTempFiles(Path)} removes them on the next start.
 *
 * <p>The {@link Checkpoint} lets tests inject a fault between any two steps.
 */
public final class AtomicFileWriter {

    /** Marks temp files in their names. */
    public static final String TEMP_MARKER = ".tmp-";

    /** A writer without fault injection. */
    public static final AtomicFileWriter DURABLE = new AtomicFileWriter((step, target) -> {});

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** The moments between the steps of a write, in order. */
    public enum Step {
        /** The temp file holds the new content but may still be in the page cache only. */
        TEMP_WRITTEN,
        /** The temp file's content is on disk. */
        TEMP_SYNCED,
        /** The temp file has become the target (renamed, or linked by {@link #createNew}); not yet on disk. */
        RENAMED,
        /** The rename is on disk: the write is complete. */
        DIRECTORY_SYNCED
    }

    /** Called at each {@link Step}; a test hook that may throw to simulate a crash there. */
    @FunctionalInterface
    public interface Checkpoint {
        /**
         * @param step   the step just completed
         * @param target the file being written
         * @throws IOException to simulate an I/O failure
         */
        void reached(Step step, Path target) throws IOException;
    }

    private final Checkpoint checkpoint;

    /** @param checkpoint called after each step; use {@link #DURABLE} in production */
    public AtomicFileWriter(Checkpoint checkpoint) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /**
     * Replaces {@code target} with {@code content}, atomically and durably. The parent directory
     * must exist.
     *
     * @param target  the file to write
     * @param content its new content
     * @throws IOException when the write fails; unless the failure came after the rename (while
     *                     syncing the directory), the target still holds its old content
     */
    public void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = writeTemp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            checkpoint.reached(Step.RENAMED, target);
            syncDirectory(directory);
            checkpoint.reached(Step.DIRECTORY_SYNCED, target);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temp);
            throw failure;
        }
    }

    /**
     * Creates {@code target} with {@code content} unless it exists, atomically and durably: of two
     * writers racing to create one file, exactly one wins and the other learns that it lost, so a
     * generated key can never be replaced by another one. The parent directory must exist.
     *
     * <p>The complete temp file is hard-linked to the target ({@code link(2)} fails when the
     * target exists), so the target never appears half-written. On file systems without hard
     * links it falls back to a rename without replace, which has a narrow check-then-act window.
     *
     * @param target  the file to create
     * @param content its content
     * @return true when this call created the file, false when it already existed
     * @throws IOException when the file can neither be created nor found existing
     */
    public boolean createNew(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, target);
            }
            checkpoint.reached(Step.RENAMED, target);
            syncDirectory(directory);
            checkpoint.reached(Step.DIRECTORY_SYNCED, target);
            return true;
        } catch (FileAlreadyExistsException lostTheRace) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes and syncs a temp file next to {@code target}; deletes it if that fails. */
    private Path writeTemp(Path target, byte[] content) throws IOException {
        Path temp = target.toAbsolutePath()
                .getParent()
                .resolve("." + target.getFileName() + TEMP_MARKER
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(
                    temp,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    fileAttributes("rw-------"))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                checkpoint.reached(Step.TEMP_WRITTEN, target);
                channel.force(true);
            }
            checkpoint.reached(Step.TEMP_SYNCED, target);
            return temp;
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temp);
            throw failure;
        }
    }

    /**
     * Creates a directory and any missing parents with mode 0700, syncing each parent so the new
     * entries survive a crash.
     *
     * @param directory the directory
     * @throws IOException when it cannot be created
     */
    public void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute, fileAttributes("rwx------"));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another writer (say, of a sibling path) created it since the check above: fine, if it is a directory.
            if (!Files.isDirectory(absolute)) {
                throw createdMeanwhile;
            }
        }
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    /**
     * Deletes the temp files a crash left in one directory (not below it).
     *
     * @param directory the directory to clean
     * @return how many were deleted
     * @throws IOException when the directory cannot be listed
     */
    public static int deleteTempFiles(Path directory) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, AtomicFileWriter::isTempFile)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Whether a file is a temp file of this writer.
     *
     * @param file any path
     * @return true for names of the form {@code .<target>.tmp-<random>}
     */
    public static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(TEMP_MARKER);
    }

    private static void syncDirectory(Path directory) throws IOException {
        if (!POSIX) {
            return; // Windows cannot open a directory as a channel; NTFS journals renames itself.
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static FileAttribute<?>[] fileAttributes(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
