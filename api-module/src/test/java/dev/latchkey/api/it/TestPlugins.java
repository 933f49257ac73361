package dev.latchkey.api.it;

import dev.latchkey.vault.spi.VaultProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Fills the server's plugins directory before it starts: the example keystore plugin as the reactor built it, and
 * two deliberately broken plugins compiled here, one that throws while loading and one that throws while serving.
 */
public final class TestPlugins {
    /** The id of the plugin whose vaults throw on every write, read and health check. */
    public static final String FAULTY_ID = "faulty-vault";
    /** The id of the plugin whose factory cannot even be created; it must never be listed. */
    public static final String BROKEN_ID = "broken-at-load";

    private static final String FAULTY_FACTORY = """
            package faulty;
            import dev.latchkey.vault.spi.*;
            import java.util.*;
            public final class FaultyVaultProviderFactory implements VaultProviderFactory {
                public String id() { return "%s"; }
                public String description() { return "Opens fine, then throws at every call."; }
                public ConfigSchema schema() { return ConfigSchema.of(); }
                public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
                    return Result.ok(new VaultProvider() {
                        public VersionMetadata put(SecretPath p, SecretValue v, PutOptions o) { throw new IllegalStateException("boom"); }
                        public Optional<Secret> read(SecretPath p) { throw new IllegalStateException("boom"); }
                        public Optional<Secret> read(SecretPath p, long v) { throw new IllegalStateException("boom"); }
                        public List<VersionMetadata> versions(SecretPath p) { throw new IllegalStateException("boom"); }
                        public List<SecretPath> list(SecretPath.Prefix p) { throw new IllegalStateException("boom"); }
                        public void delete(SecretPath p, long v) { throw new IllegalStateException("boom"); }
                        public void undelete(SecretPath p, long v) { throw new IllegalStateException("boom"); }
                        public HealthStatus health() { throw new NoClassDefFoundError("boom"); }
                        public void close() { }
                    });
                }
            }
            """.formatted(FAULTY_ID);

    private static final String BROKEN_FACTORY = """
            package broken;
            import dev.latchkey.vault.spi.*;
            public final class BrokenAtLoadFactory implements VaultProviderFactory {
                public BrokenAtLoadFactory() { throw new IllegalStateException("cannot even start"); }
                public String id() { return "%s"; }
                public String description() { return "Never loads."; }
                public ConfigSchema schema() { return ConfigSchema.of(); }
                public Result<VaultProvider> open(VaultConfig config, VaultContext context) { throw new AssertionError(); }
            }
            """.formatted(BROKEN_ID);

    private TestPlugins() {}

    static void install(Path pluginsDir) {
        try {
            Files.createDirectories(pluginsDir);
            Path example = exampleJar();
            Files.copy(example, pluginsDir.resolve(example.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + pluginsDir, e);
        }
        installBroken(pluginsDir);
    }

    /** Only the two broken plugins: one that throws while loading, one whose vaults throw while serving. */
    public static void installBroken(Path pluginsDir) {
        compileJar(pluginsDir.resolve("faulty-vault.jar"), "faulty.FaultyVaultProviderFactory", FAULTY_FACTORY);
        compileJar(pluginsDir.resolve("broken-plugin.jar"), "broken.BrokenAtLoadFactory", BROKEN_FACTORY);
    }

    /** The keystore example's jar, which the reactor builds before this module (it is a test dependency). */
    static Path exampleJar() throws IOException {
        Path dir = Path.of(System.getProperty(
                        "latchkey.it.example-plugin-dir", "../vault-plugins/examples/keystore-vault/target"))
                .toAbsolutePath()
                .normalize();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "keystore-vault-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")) {
                    return jar;
                }
            }
        }
        throw new IllegalStateException("no keystore-vault jar in " + dir + ": build vault-plugins first");
    }

    /** Compiles one factory against the SPI and packs it with its services file. */
    public static void compileJar(Path target, String className, String source) {
        try {
            jar(target, className, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + target, e);
        }
    }

    private static void jar(Path target, String className, String source) throws IOException {
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory("latchkey-test-plugin");
        Path sourceFile = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "--release",
                "21",
                "-classpath",
                spiLocation().toString(),
                "-d",
                classes.toString(),
                sourceFile.toString());
        if (status != 0) {
            throw new IllegalStateException("the test plugin " + className + " does not compile");
        }
        try (OutputStream out = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + VaultProviderFactory.class.getName()));
            jar.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    private static Path spiLocation() {
        try {
            return Path.of(VaultProviderFactory.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
