package dev.latchkey.domain.wizard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where wizard runs live. */
public interface WizardRepository {
    Optional<ApiKeyWizard> findById(WizardId id);

    /** Inserts or updates. */
    void save(ApiKeyWizard wizard);

    /** Unfinished wizards whose deadline is at or before {@code now}, oldest first, at most {@code limit}. */
    List<ApiKeyWizard> findOverdue(Instant now, int limit);
}
