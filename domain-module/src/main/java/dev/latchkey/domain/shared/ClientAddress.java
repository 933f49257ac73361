package dev.latchkey.domain.shared;

import java.util.Objects;

/**
 * The network address a request came from, as the adapter determined it (the socket's peer, or the
 * client a trusted proxy names); throttles count failures per address.
 */
public record ClientAddress(String value) {
    /** Longer than any IPv6 text form with a zone; anything longer is not an address. */
    static final int MAX_LENGTH = 64;

    public ClientAddress {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client address must be 1-" + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
