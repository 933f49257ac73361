package dev.latchkey.domain.testing;

import dev.latchkey.domain.wizard.ApiKeyWizard;
import dev.latchkey.domain.wizard.WizardId;
import dev.latchkey.domain.wizard.WizardRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wizards in a map, handed out as copies; every saved version is kept for inspection. */
public final class InMemoryWizardRepository implements WizardRepository {
    private final Map<WizardId, ApiKeyWizard> wizards = new LinkedHashMap<>();
    private final List<ApiKeyWizard> saved = new ArrayList<>();

    @Override
    public Optional<ApiKeyWizard> findById(WizardId id) {
        return Optional.ofNullable(wizards.get(id)).map(InMemoryWizardRepository::copy);
    }

    @Override
    public void save(ApiKeyWizard wizard) {
        wizards.put(wizard.id(), copy(wizard));
        saved.add(copy(wizard));
    }

    @Override
    public List<ApiKeyWizard> findOverdue(Instant now, int limit) {
        return wizards.values().stream()
                .filter(wizard ->
                        !wizard.storedStep().isFinal() && !wizard.deadline().isAfter(now))
                .sorted(Comparator.comparing(ApiKeyWizard::deadline))
                .limit(limit)
                .map(InMemoryWizardRepository::copy)
                .toList();
    }

    /** The wizard as stored now; fails if there is none. */
    public ApiKeyWizard stored(WizardId id) {
        return findById(id).orElseThrow(() -> new AssertionError("no stored wizard " + id));
    }

    /** Every version of every wizard ever saved. */
    public List<ApiKeyWizard> everSaved() {
        return List.copyOf(saved);
    }

    private static ApiKeyWizard copy(ApiKeyWizard wizard) {
        return new ApiKeyWizard(
                wizard.id(),
                wizard.startedBy(),
                wizard.startedAt(),
                wizard.deadline(),
                wizard.storedStep(),
                wizard.details(),
                wizard.scopes(),
                wizard.keyId(),
                wizard.placements());
    }
}
