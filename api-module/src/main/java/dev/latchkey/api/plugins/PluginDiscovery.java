package dev.latchkey.api.plugins;

import dev.latchkey.vault.spi.VaultProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finds vault factories with {@link ServiceLoader}: the built-ins through the server's own class loader, then every
 * {@code *.jar} in the plugins directory through a class loader of its own whose parent supplies the SPI. A jar that
 * fails to load is logged and skipped; two factories with one id stop the discovery with both origins named.
 */
final class PluginDiscovery {
    /** Starts the name of every class loader this class makes, one per external jar. */
    private static final String LOADER_NAME_PREFIX = "plugin ";

    private static final Logger LOG = Logger.getLogger(PluginDiscovery.class.getName());

    private PluginDiscovery() {}

    /** Every factory found, by id; the failures of broken jars are in {@code failures}. */
    static Map<String, LoadedPlugin> discover(ClassLoader builtIns, Path pluginsDirectory, List<String> failures) {
        Map<String, LoadedPlugin> found = new LinkedHashMap<>();
        for (VaultProviderFactory factory : load(builtIns, LoadedPlugin.BUILT_IN, failures)) {
            add(found, new LoadedPlugin(factory, LoadedPlugin.BUILT_IN));
        }
        List<URLClassLoader> opened = new ArrayList<>();
        try {
            for (Path jar : jars(pluginsDirectory)) {
                URLClassLoader own =
                        new URLClassLoader(LOADER_NAME_PREFIX + jar.getFileName(), new URL[] {url(jar)}, builtIns);
                opened.add(own);
                boolean used = false;
                for (VaultProviderFactory factory : load(own, jar.getFileName().toString(), failures)) {
                    // The parent's factories are visible through this loader too: keep only the jar's own.
                    if (factory.getClass().getClassLoader() == own) {
                        add(found, new LoadedPlugin(factory, jar.getFileName().toString()));
                        used = true;
                    }
                }
                if (!used) {
                    close(own); // a broken or empty jar: nothing may keep its file open
                }
            }
        } catch (RuntimeException | Error refused) {
            opened.forEach(PluginDiscovery::close);
            throw refused;
        }
        return found;
    }

    /** Closes a class loader this class made for a jar (releasing the jar file); any other loader is left alone. */
    static void close(ClassLoader loader) {
        if (loader instanceof URLClassLoader own
                && own.getName() != null
                && own.getName().startsWith(LOADER_NAME_PREFIX)) {
            try {
                own.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not close the class loader " + own.getName(), e);
            }
        }
    }

    private static void add(Map<String, LoadedPlugin> found, LoadedPlugin plugin) {
        LoadedPlugin earlier = found.putIfAbsent(plugin.id(), plugin);
        if (earlier != null) {
            throw new DuplicatePluginException(plugin.id(), earlier.origin(), plugin.origin());
        }
    }

    /** Instantiates each factory and reads its id, description and schema once, so a broken one fails here. */
    private static List<VaultProviderFactory> load(ClassLoader loader, String origin, List<String> failures) {
        List<VaultProviderFactory> factories = new ArrayList<>();
        for (ServiceLoader.Provider<VaultProviderFactory> provider :
                ServiceLoader.load(VaultProviderFactory.class, loader).stream().toList()) {
            try {
                VaultProviderFactory factory = provider.get();
                requireUsable(factory);
                factories.add(factory);
            } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
                String failure = "the vault plugin " + provider.type().getName() + " in " + origin
                        + " failed to load and is ignored: " + e;
                LOG.log(Level.SEVERE, failure, e);
                failures.add(failure);
            }
        }
        return factories;
    }

    private static void requireUsable(VaultProviderFactory factory) {
        if (factory.id() == null || !factory.id().matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalStateException("its id must be lower-case letters, digits and dashes: " + factory.id());
        }
        if (factory.description() == null || factory.schema() == null) {
            throw new IllegalStateException("it has no description or schema");
        }
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins directory " + directory, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
