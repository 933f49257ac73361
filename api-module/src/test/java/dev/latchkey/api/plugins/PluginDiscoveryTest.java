package dev.latchkey.api.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.api.it.TestPlugins;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery on the test class path (which holds the built-ins) and a plugins directory of compiled jars. */
class PluginDiscoveryTest {
    private static final String SECOND_FILE_VAULT = """
            package dup;
            import dev.latchkey.vault.spi.*;
            public final class AnotherFileVault implements VaultProviderFactory {
                public String id() { return "file"; }
                public String description() { return "Claims the built-in's id."; }
                public ConfigSchema schema() { return ConfigSchema.of(); }
                public Result<VaultProvider> open(VaultConfig config, VaultContext context) { throw new AssertionError(); }
            }
            """;

    @TempDir
    Path plugins;

    @Test
    void findsBuiltInsAndTheJarsOwnFactoriesButSkipsABrokenJar() {
        TestPlugins.installBroken(plugins);
        List<String> failures = new ArrayList<>();

        var found = PluginDiscovery.discover(getClass().getClassLoader(), plugins, failures);

        assertThat(found)
                .containsKeys("local-db", "file", "env", TestPlugins.FAULTY_ID)
                .doesNotContainKey(TestPlugins.BROKEN_ID);
        assertThat(found.get("file").origin()).isEqualTo("built-in");
        assertThat(found.get(TestPlugins.FAULTY_ID).origin()).isEqualTo("faulty-vault.jar");
        assertThat(found.get(TestPlugins.FAULTY_ID).shippedWithServer()).isFalse();
        assertThat(failures).singleElement().asString().contains("broken-plugin.jar");
    }

    @Test
    void twoPluginsWithOneIdAreRefusedNamingBoth() {
        TestPlugins.compileJar(plugins.resolve("my-files.jar"), "dup.AnotherFileVault", SECOND_FILE_VAULT);

        assertThatThrownBy(() -> PluginDiscovery.discover(getClass().getClassLoader(), plugins, new ArrayList<>()))
                .isInstanceOf(DuplicatePluginException.class)
                .hasMessageContaining("'file'")
                .hasMessageContaining("built-in")
                .hasMessageContaining("my-files.jar");
    }

    @Test
    void missingPluginsDirectoryMeansBuiltInsOnly() {
        var found = PluginDiscovery.discover(getClass().getClassLoader(), plugins.resolve("absent"), new ArrayList<>());

        assertThat(found).containsKeys("local-db", "file", "env");
        assertThat(found.values())
                .allSatisfy(plugin -> assertThat(plugin.shippedWithServer()).isTrue());
    }
}
