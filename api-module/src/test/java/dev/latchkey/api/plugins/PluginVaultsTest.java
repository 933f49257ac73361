package dev.latchkey.api.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.api.config.LatchkeyConfig;
import dev.latchkey.api.it.TestPlugins;
import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationConfig;
import dev.latchkey.domain.integration.IntegrationHealth;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.vault.file.FileVaultProviderFactory;
import dev.latchkey.vault.spi.ConfigSchema;
import dev.latchkey.vault.spi.Result;
import dev.latchkey.vault.spi.VaultConfig;
import dev.latchkey.vault.spi.VaultContext;
import dev.latchkey.vault.spi.VaultProvider;
import dev.latchkey.vault.spi.VaultProviderFactory;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry outside the server: concurrency of vault instances and the life of plugin class loaders. */
class PluginVaultsTest {
    @TempDir
    Path dataDir;

    @Test
    void requestsFindingAVaultClosedAtOnceOpenItOnce() throws Exception {
        SlowToOpen factory = new SlowToOpen();
        PluginVaults vaults = registry();
        vaults.discover();
        vaults.plugins = Map.of(SlowToOpen.ID, new LoadedPlugin(factory, "test"));
        Integration integration = new Integration(
                IntegrationId.generate(),
                "slow",
                SlowToOpen.ID,
                1,
                IntegrationConfig.EMPTY,
                Instant.EPOCH,
                Instant.EPOCH);
        AtomicReference<IntegrationHealth> firstHealth = new AtomicReference<>();
        AtomicReference<IntegrationHealth> secondHealth = new AtomicReference<>();

        Thread first = new Thread(() -> firstHealth.set(vaults.health(integration)));
        first.start();
        assertThat(factory.firstOpenStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> secondHealth.set(vaults.health(integration)));
        second.start();
        waitUntilWaitingOrDone(second);
        factory.releaseFirstOpen.countDown();
        first.join(10_000);
        second.join(10_000);

        assertThat(factory.opens).hasValue(1);
        assertThat(firstHealth.get().up()).isTrue();
        assertThat(secondHealth.get().up()).isTrue();
    }

    @Test
    void shuttingDownClosesTheClassLoadersOfPluginJars() throws Exception {
        Path plugins = dataDir.resolve("plugins");
        TestPlugins.installBroken(plugins);
        PluginVaults vaults = registry();
        vaults.discover();
        Class<?> faulty = vaults.plugins.get(TestPlugins.FAULTY_ID).factory().getClass();
        URLClassLoader jarLoader = (URLClassLoader) faulty.getClassLoader();
        String classFile = faulty.getName().replace('.', '/') + ".class";
        assertThat(jarLoader.getResource(classFile)).isNotNull();

        vaults.closeAll();

        assertThat(jarLoader.getResource(classFile))
                .as("a closed loader reads nothing from its jar")
                .isNull();
    }

    private PluginVaults registry() {
        PluginVaults vaults = new PluginVaults();
        vaults.config = new LatchkeyConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public Path pluginsDir() {
                return dataDir.resolve("plugins");
            }

            @Override
            public java.util.List<Path> pluginWriteRoots() {
                return java.util.List.of(dataDir.resolve("vaults"));
            }

            @Override
            public java.util.Set<String> trustedPlugins() {
                return java.util.Set.of();
            }
        };
        vaults.clock = Clock.systemUTC();
        vaults.random = new SecureRandom();
        return vaults;
    }

    /** Blocked on a monitor, parked, or finished: in every case it got as far as it can without the first thread. */
    private static void waitUntilWaitingOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() == Thread.State.RUNNABLE || thread.getState() == Thread.State.NEW) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second request neither waited nor finished");
            }
            Thread.sleep(5);
        }
    }

    /** A file vault whose first open waits until the test lets it finish. */
    private static final class SlowToOpen implements VaultProviderFactory {
        static final String ID = "slow-file";
        final VaultProviderFactory files = new FileVaultProviderFactory();
        final AtomicInteger opens = new AtomicInteger();
        final CountDownLatch firstOpenStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstOpen = new CountDownLatch(1);

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "A file vault that is slow to open.";
        }

        @Override
        public ConfigSchema schema() {
            return files.schema();
        }

        @Override
        public Result<VaultProvider> open(VaultConfig config, VaultContext context) {
            if (opens.incrementAndGet() == 1) {
                firstOpenStarted.countDown();
                try {
                    releaseFirstOpen.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return files.open(config, context);
        }
    }
}
