package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import java.util.Objects;

/** The outcome of the scopes step: the wizard, the stored key, and the plaintext to be shown exactly once. */
public record GeneratedKey(ApiKeyWizard wizard, ApiKey key, PlaintextApiKey plaintext) {
    public GeneratedKey {
        Objects.requireNonNull(wizard, "wizard");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "GeneratedKey[" + plaintext.masked() + "]";
    }
}
