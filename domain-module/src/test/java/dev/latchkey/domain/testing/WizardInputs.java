package dev.latchkey.domain.testing;

import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.wizard.DetailsChoice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Wizard input as the API hands it to the service: already parsed into domain values. */
public final class WizardInputs {
    private WizardInputs() {}

    public static DetailsChoice details(String name, String expiration) {
        return details(name, expiration, Optional.empty());
    }

    public static DetailsChoice details(String name, String expiration, Optional<Instant> expiresAt) {
        return new DetailsChoice(
                KeyName.parse(name, "name"), ExpirationPreset.parse(expiration, "expiration"), expiresAt);
    }

    public static ScopeSet scopes(String... wireNames) {
        return ScopeSet.parseChoice(List.of(wireNames), "scopes");
    }
}
