package dev.latchkey.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data directory private to the account Latchkey runs as: the directory and those below
 * it 0700, every file in it 0600. It holds the password and key hashes (in the embedded database),
 * the sealing key and the generated owner password, which other local users must not read.
 *
 * <p>H2 creates its own files with the process umask (usually 0644), so the database file is
 * created empty and 0600 before H2 first opens it (H2 starts a new store in an empty file), and
 * files H2 adds later sit in a directory no one else can enter; the next start tightens them too.
 * On a file system without POSIX permissions nothing is changed.
 */
final class DataDirectory {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /** Creates {@code dir} if missing and makes it and everything in it private; returns it. */
    static Path open(Path dir, String settingName) {
        try {
            if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createDirectories(dir);
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            tighten(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(settingName + ": cannot create or protect " + dir, e);
        }
    }

    /** Creates {@code file} empty and 0600 if it does not exist yet, so that whoever fills it later keeps that mode. */
    static void createPrivateFile(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            // Already there: tighten() has set its mode.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    private static void tighten(Path dir) throws IOException {
        // Symbolic links are not followed: a link may point outside, at something that is not ours to change.
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (Files.isSymbolicLink(path) || view == null) {
                    continue;
                }
                view.setPermissions(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
            }
        }
    }
}
