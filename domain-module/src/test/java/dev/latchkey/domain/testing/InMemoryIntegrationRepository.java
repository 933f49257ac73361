package dev.latchkey.domain.testing;

import dev.latchkey.domain.integration.Integration;
import dev.latchkey.domain.integration.IntegrationId;
import dev.latchkey.domain.integration.IntegrationRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Integrations in a map. */
public final class InMemoryIntegrationRepository implements IntegrationRepository {
    private final Map<IntegrationId, Integration> stored = new LinkedHashMap<>();

    @Override
    public Optional<Integration> findById(IntegrationId id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public List<Integration> findAll() {
        return stored.values().stream()
                .sorted(Comparator.comparing(Integration::name))
                .toList();
    }

    @Override
    public boolean nameTaken(String name, Optional<IntegrationId> except) {
        return stored.values().stream()
                .filter(i -> except.map(id -> !id.equals(i.id())).orElse(true))
                .anyMatch(i -> i.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void save(Integration integration) {
        stored.put(integration.id(), integration);
    }

    @Override
    public void delete(IntegrationId id) {
        stored.remove(id);
    }
}
