package dev.latchkey.api.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.vault.file.FileVaultProviderFactory;
import dev.latchkey.vault.localdb.LocalDbVaultProviderFactory;
import dev.latchkey.vault.spi.ConfigSchema;
import dev.latchkey.vault.spi.PlatformDatabaseVaults;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The platform database goes by capability and the operator's trust, never by a plugin's id. */
class PlatformResourcesTest {
    private final DataSource database = (DataSource) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aDatabasePluginShippedWithTheServerGetsTheDatabase() {
        PlatformResources resources = new PlatformResources(database, Set.of());

        assertThat(resources.dataSourceFor(new LoadedPlugin(new LocalDbVaultProviderFactory(), LoadedPlugin.BUILT_IN)))
                .containsSame(database);
    }

    @Test
    void anExternalDatabasePluginGetsTheDatabaseOnlyWhenTheOperatorTrustsIt() {
        LoadedPlugin external = new LoadedPlugin(new OutsideDatabaseVaults(), "outside.jar");

        assertThat(new PlatformResources(database, Set.of()).dataSourceFor(external))
                .isEmpty();
        assertThat(new PlatformResources(database, Set.of("someone-else")).dataSourceFor(external))
                .isEmpty();
        assertThat(new PlatformResources(database, Set.of(OutsideDatabaseVaults.ID)).dataSourceFor(external))
                .containsSame(database);
    }

    @Test
    void aPluginThatDoesNotAskForTheDatabaseNeverGetsItEvenWhenTrusted() {
        LoadedPlugin files = new LoadedPlugin(new FileVaultProviderFactory(), LoadedPlugin.BUILT_IN);

        assertThat(new PlatformResources(database, Set.of("file")).dataSourceFor(files))
                .isEmpty();
        assertThat(PlatformResources.integrationDefaults(files, "id-1")).isEmpty();
    }

    @Test
    void aDatabasePluginChoosesItsOwnPerIntegrationDefaults() {
        LoadedPlugin local = new LoadedPlugin(new LocalDbVaultProviderFactory(), LoadedPlugin.BUILT_IN);

        assertThat(PlatformResources.integrationDefaults(local, "3f0c2a8e")).isEqualTo(Map.of("namespace", "3f0c2a8e"));
    }

    /** An outside author's plugin that stores in the platform database. */
    private static final class OutsideDatabaseVaults implements PlatformDatabaseVaults {
        static final String ID = "outside-db";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "Stores in the platform database.";
        }

        @Override
        public ConfigSchema schema() {
            return ConfigSchema.of();
        }

        @Override
        public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
            throw new UnsupportedOperationException("not opened in this test");
        }

        @Override
        public Map<String, String> integrationDefaults(String integrationId) {
            return Map.of();
        }
    }
}
