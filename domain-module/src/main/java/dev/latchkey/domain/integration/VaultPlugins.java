package dev.latchkey.domain.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the discovered vault plugins and the running vault instances. The adapter turns every plugin failure, thrown
 * or returned, into a {@link dev.latchkey.domain.shared.ValidationException} (a configuration the user can fix) or a
 * {@link dev.latchkey.domain.shared.ServiceUnavailableException}; a plugin can never fail a request any other way.
 */
public interface VaultPlugins {
    /** Every discovered provider, by id. */
    List<ProviderSchema> providers();

    Optional<ProviderSchema> provider(String id);

    /**
     * The schema's checks, the plugin's own and the platform's (such as where the plugin may write), for the
     * configuration of integration {@code id}, without touching storage.
     */
    List<ConfigDiagnostic> validate(String provider, IntegrationId id, Map<String, String> config);

    /** Values the platform sets when the user leaves them out, such as a per-integration database namespace. */
    Map<String, String> platformDefaults(String provider, IntegrationId id);

    /** Opens (or reopens, after an update or replacement) the integration's vault instance. */
    void activate(Integration integration);

    /** Closes the integration's vault instance, if one is open. */
    void deactivate(IntegrationId id);

    IntegrationHealth health(Integration integration);

    /** Writes a new version of the secret at {@code path}. */
    StoredSecret write(Integration integration, String path, String value, Map<String, String> metadata);

    /** The latest readable version's metadata, read through the plugin; never the value. */
    Optional<StoredSecret> read(Integration integration, String path);

    /** The value of {@code version} at {@code path}, read through the plugin, for the one response that shows it. */
    Optional<String> readValue(Integration integration, String path, long version);

    /** Best-effort undo of {@link #write}: soft-deletes that version. */
    void discard(Integration integration, StoredSecret written);
}
