package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.workspace.User;
import java.util.Objects;

/**
 * A wizard at its store step, loaded once for its starter, with the pending key that the presented plaintext was
 * verified against: what {@link WizardService#recordPlacement} needs after the key is written, without loading the
 * wizard again.
 */
public record KeyForVault(User actor, ApiKeyWizard wizard, ApiKey key) {
    public KeyForVault {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(wizard, "wizard");
        Objects.requireNonNull(key, "key");
    }
}
