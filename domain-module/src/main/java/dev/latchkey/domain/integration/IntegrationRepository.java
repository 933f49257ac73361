package dev.latchkey.domain.integration;

import java.util.List;
import java.util.Optional;

/** Port: where integrations and their configurations live; sensitive values are encrypted at rest by the adapter. */
public interface IntegrationRepository {
    Optional<Integration> findById(IntegrationId id);

    /** Every integration, by name. */
    List<Integration> findAll();

    /** Whether another integration than {@code except} has this name, ignoring case. */
    boolean nameTaken(String name, Optional<IntegrationId> except);

    /** Inserts or updates. */
    void save(Integration integration);

    void delete(IntegrationId id);
}
