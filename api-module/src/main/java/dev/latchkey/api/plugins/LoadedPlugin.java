package dev.latchkey.api.plugins;

import dev.latchkey.vault.spi.VaultProviderFactory;
import java.util.Objects;

/** A discovered factory and where it came from: {@code built-in}, or the file name of its jar. */
record LoadedPlugin(VaultProviderFactory factory, String origin) {
    static final String BUILT_IN = "built-in";

    LoadedPlugin {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
    }

    String id() {
        return factory.id();
    }

    /** Whether it is on the server's own class path rather than in a jar of the plugins directory. */
    boolean shippedWithServer() {
        return BUILT_IN.equals(origin);
    }
}
