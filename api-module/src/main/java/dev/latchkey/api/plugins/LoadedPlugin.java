package dev.latchkey.api.plugins;

import dev.latchkey.vault.spi.VaultProviderFactory;
import java.util.Objects;

/**
 * A discovered factory and where it came from: {@code built-in}, or the file name of its jar. Built-ins are trusted
 * with the platform database; external plugins are not.
 */
record LoadedPlugin(VaultProviderFactory factory, String origin, boolean builtIn) {
    static final String BUILT_IN = "built-in";

    LoadedPlugin {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
    }

    String id() {
        return factory.id();
    }
}
