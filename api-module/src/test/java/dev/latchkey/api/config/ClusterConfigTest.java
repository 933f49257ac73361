package dev.latchkey.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    private static final DatabaseConfig POSTGRES =
            new DatabaseConfig("jdbc:postgresql://db:5432/latchkey", Optional.empty(), Optional.empty());
    private static final DatabaseConfig H2 =
            new DatabaseConfig("jdbc:h2:file:/var/lib/latchkey/latchkey", Optional.empty(), Optional.empty());

    /** A Config that answers getOptionalValue from {@code values}, converting to String or Boolean. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(
                ClusterConfigTest.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Optional<String> raw = Optional.ofNullable(values.get((String) args[0]));
                    return args[1] == Boolean.class ? raw.map(Boolean::valueOf) : raw;
                });
    }

    @Test
    void offByDefaultAndNamedAfterTheHost() {
        ClusterConfig cluster = ClusterConfig.from(config(Map.of()), H2);

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.nodeName()).isEqualTo(ClusterConfig.defaultNodeName());
    }

    @Test
    void onOverPostgresqlWithTheGivenName() {
        ClusterConfig cluster = ClusterConfig.from(
                config(Map.of(ClusterConfig.ENABLED, "true", ClusterConfig.NODE_NAME, " node-a ")), POSTGRES);

        assertThat(cluster).isEqualTo(new ClusterConfig(true, "node-a"));
    }

    @Test
    void refusedOverTheEmbeddedDatabaseWithWhatToSet() {
        assertThatThrownBy(() -> ClusterConfig.from(config(Map.of(ClusterConfig.ENABLED, "true")), H2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DatabaseConfig.URL)
                .hasMessageContaining("embedded H2");
    }

    @Test
    void nodeNamesThatCannotBeShownSafelyAreRefused() {
        for (String bad : new String[] {"", "-a", "a b", "a/b", "x".repeat(64), "nöde"}) {
            assertThatThrownBy(() -> new ClusterConfig(true, bad))
                    .as(bad)
                    .hasMessageContaining(ClusterConfig.NODE_NAME);
        }
        assertThat(new ClusterConfig(true, "x".repeat(63)).nodeName()).hasSize(63);
    }
}
