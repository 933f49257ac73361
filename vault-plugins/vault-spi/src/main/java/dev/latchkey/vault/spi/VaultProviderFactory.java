package dev.latchkey.vault.spi;

import java.util.Map;

/**
 * The entry point of a vault plugin, found by {@link java.util.ServiceLoader}.
 *
 * <p>Register the implementation in
 * {@code META-INF/services/dev.latchkey.vault.spi.VaultProviderFactory}. It needs a public
 * no-argument constructor and must be cheap to create and free of side effects: the platform
 * instantiates every factory at start-up just to read {@link #id()}, {@link #description()} and
 * {@link #schema()}. Storage is touched only in {@link #open}.
 *
 * <p>Lifecycle, as the platform drives it:
 * <ol>
 *   <li>{@link #validate(Map)} when a user saves a vault configuration (no storage access);</li>
 *   <li>{@link #configure(Map, VaultContext)} to obtain a provider, once per vault instance and
 *       again after every restart of the server;</li>
 *   <li>{@link VaultProvider#close()} at shutdown or when the configuration changes. A change of
 *       an attribute for which {@link Attribute#requiresReplace()} is true means a new, empty
 *       vault instance rather than a reconfiguration; see
 *       {@link ConfigSchema#changesRequiringReplace(VaultConfig, VaultConfig)}.</li>
 * </ol>
 *
 * <p>The generic checks (required attribute missing, value of the wrong type, unknown attribute,
 * the attributes' own validators) come free from {@link ConfigSchema#parse(Map)}; a plugin adds
 * only cross-attribute rules in {@link #validateConfig(VaultConfig)}.
 */
public interface VaultProviderFactory {

    /**
     * The constant, unique id users put in their configuration, such as {@code file}: lower-case
     * letters, digits and dashes, starting with a letter. It must never change between versions
     * of a plugin, because stored vault configurations refer to it.
     */
    String id();

    /** One line, in the user's words, saying where this vault keeps secrets. */
    String description();

    /** The declarative schema of this plugin's configuration; the same instance on every call. */
    ConfigSchema schema();

    /**
     * Checks that need more than one attribute, or knowledge the schema cannot express. Called
     * only with a configuration that already passed the schema's checks. Must not touch storage.
     *
     * @param config the parsed configuration
     * @return the problems found; {@link Diagnostics#NONE} when there are none
     */
    default Diagnostics validateConfig(VaultConfig config) {
        return Diagnostics.NONE;
    }

    /**
     * Opens the storage and returns a ready provider. Called only with a configuration free of
     * error diagnostics. Problems the user can fix (a directory that cannot be created, a wrong
     * password) are returned as diagnostics rather than thrown.
     *
     * @param config  the parsed, validated configuration
     * @param context what the platform lends the plugin
     * @return the provider, or the diagnostics explaining why none could be opened
     */
    Result<VaultProvider> open(VaultConfig config, VaultContext context);

    /**
     * Validates raw settings without touching storage: the schema's checks, then
     * {@link #validateConfig(VaultConfig)}.
     *
     * @param rawConfig attribute name to the value as the user typed it
     * @return every problem found, never only the first
     */
    default Diagnostics validate(Map<String, String> rawConfig) {
        return switch (schema().parse(rawConfig)) {
            case Result.Ok<VaultConfig> ok -> ok.warnings().and(validateConfig(ok.value()));
            case Result.Failed<VaultConfig> failed -> failed.diagnostics();
        };
    }

    /**
     * Validates raw settings and, when they hold no error, opens the provider. This is the one
     * call the platform makes to obtain a vault.
     *
     * @param rawConfig attribute name to the value as the user typed it
     * @param context   what the platform lends the plugin
     * @return the provider with any warnings, or every diagnostic found
     */
    default Result<VaultProvider> configure(Map<String, String> rawConfig, VaultContext context) {
        return switch (schema().parse(rawConfig)) {
            case Result.Failed<VaultConfig> failed -> Result.failed(failed.diagnostics());
            case Result.Ok<VaultConfig> ok -> {
                Diagnostics checked = ok.warnings().and(validateConfig(ok.value()));
                yield checked.hasErrors()
                        ? Result.failed(checked)
                        : open(ok.value(), context).withWarnings(checked);
            }
        };
    }
}
