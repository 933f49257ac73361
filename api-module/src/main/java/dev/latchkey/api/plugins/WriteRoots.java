package dev.latchkey.api.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where plugins may write: inside the roots the operator configures ({@code latchkey.plugins.write-roots}) or the
 * integration's own directory, judged after {@code ..} and symbolic links are resolved, and never among the data
 * directory's own files (the database, the master key, other integrations' folders) or the plugins directory, even
 * when a root contains them.
 */
final class WriteRoots {
    /** The folder of the data directory that holds one folder per integration. */
    static final String INTEGRATIONS = "integrations";

    private final Path dataDirectory;
    private final Path integrationsDirectory;
    private final Path pluginsDirectory;
    private final List<Path> roots;
    private final List<Path> shown;

    private WriteRoots(Path dataDirectory, Path pluginsDirectory, List<Path> configured) {
        this.dataDirectory = realOrAsWritten(dataDirectory);
        this.integrationsDirectory = this.dataDirectory.resolve(INTEGRATIONS);
        this.pluginsDirectory = realOrAsWritten(pluginsDirectory);
        this.shown = List.copyOf(configured);
        this.roots = configured.stream().map(WriteRoots::realOrAsWritten).toList();
    }

    /** The operator's roots, judged against the data and plugins directories. */
    static WriteRoots of(Path dataDirectory, Path pluginsDirectory, List<Path> configured) {
        return new WriteRoots(dataDirectory, pluginsDirectory, configured);
    }

    /**
     * Why a plugin may not write at {@code value}, resolved against {@code base} (the directory the plugin resolves
     * relative paths against) with {@code own} (the integration's own folder) always allowed; empty when it may.
     */
    Optional<String> refusal(Path value, Path base, Path own) {
        Optional<Path> real = real(base.resolve(value));
        if (real.isEmpty()) {
            // A dangling symbolic link points anywhere once its target appears; an unreadable directory hides one.
            return Optional.of(value + " cannot be resolved (a broken symbolic link, or a directory that cannot be "
                    + "read, is on the way); choose a path inside " + allowed()
                    + ", or a relative path (kept in the integration's own folder)");
        }
        Path resolved = real.get();
        if (within(resolved, realOrAsWritten(own)) || roots.stream().anyMatch(root -> mayWrite(resolved, root))) {
            return Optional.empty();
        }
        boolean platformFile = within(resolved, dataDirectory) || within(resolved, pluginsDirectory);
        return Optional.of(value + " resolves to " + resolved
                + (platformFile
                        ? ", among Latchkey's own files (the data directory's database, master key and integration folders, "
                                + "or the plugins directory), which plugins may not write"
                        : ", outside the directories plugins may write to")
                + "; choose a path inside " + allowed()
                + ", or a relative path (kept in the integration's own folder)");
    }

    /**
     * Inside the root, and not one of the platform's files: within the data directory only a root of its own there
     * (such as {@code <data dir>/vaults}) counts, never the data directory itself or its integrations' folders.
     */
    private boolean mayWrite(Path resolved, Path root) {
        if (!within(resolved, root) || within(resolved, pluginsDirectory)) {
            return false;
        }
        return !within(resolved, dataDirectory)
                || (within(root, dataDirectory) && !root.equals(dataDirectory) && !within(root, integrationsDirectory));
    }

    /** The roots as the operator wrote them, for messages. */
    String allowed() {
        return shown.isEmpty()
                ? "(no roots: set latchkey.plugins.write-roots)"
                : shown.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static boolean within(Path path, Path directory) {
        return path.startsWith(directory);
    }

    /**
     * The path with every existing part's symbolic links and {@code ..} resolved by the file system; the parts that do
     * not exist yet cannot be links, so they are normalised as text. Empty when an existing part cannot be resolved: a
     * symbolic link whose target does not exist (yet), a loop, or a directory that cannot be read.
     */
    static Optional<Path> real(Path path) {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        // NOFOLLOW_LINKS: a dangling link exists as a link, and must be resolved (and fail) rather than read as text.
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of(absolute.normalize());
        }
        try {
            return Optional.of(
                    existing.toRealPath().resolve(existing.relativize(absolute)).normalize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For the operator's own directories, which need not exist yet: resolved where possible, else as written. */
    private static Path realOrAsWritten(Path path) {
        return real(path).orElseGet(() -> path.toAbsolutePath().normalize());
    }
}
