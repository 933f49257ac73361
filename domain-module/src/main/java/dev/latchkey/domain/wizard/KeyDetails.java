package dev.latchkey.domain.wizard;

import dev.latchkey.domain.apikey.Expiration;
import dev.latchkey.domain.apikey.KeyName;
import java.util.Objects;

/** What the details step collects: the key's name and its expiry choice. */
public record KeyDetails(KeyName name, Expiration expiration) {
    public KeyDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiration, "expiration");
    }
}
