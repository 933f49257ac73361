package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person entered at the details step, each field already a valid value; whether the name is free and the
 * date within bounds depends on other keys and the clock, so {@link WizardService#submitDetails} checks that.
 */
public record DetailsChoice(KeyName name, ExpirationPreset expiration, Optional<Instant> expiresAt) {
    public DetailsChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
