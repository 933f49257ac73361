package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The expiry a person chose: a preset length, or {@code custom} with an absolute instant at least
 * {@link #MINIMUM_LEAD} ahead and within the workspace's maximum key lifetime.
 */
public record Expiration(ExpirationPreset preset, Optional<Instant> customExpiresAt) {
    public static final Duration MINIMUM_LEAD = Duration.ofMinutes(5);

    public Expiration {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(customExpiresAt, "customExpiresAt");
        if ((preset == ExpirationPreset.CUSTOM) != customExpiresAt.isPresent()) {
            throw new IllegalArgumentException("a custom expiration, and only it, carries an instant");
        }
    }

    /**
     * Checks a client's choice against the rules at {@code now}: {@code expiresAt} is required for, and only
     * accepted with, {@code custom}.
     */
    public static Expiration choose(
            ExpirationPreset preset, Optional<Instant> expiresAt, Instant now, Duration maxLifetime) {
        if (preset != ExpirationPreset.CUSTOM) {
            if (expiresAt.isPresent()) {
                throw new ValidationException(new Violation(
                        "expiresAt",
                        "expires_at_not_allowed",
                        "expiresAt is only accepted with expiration 'custom'; remove it or choose 'custom'"));
            }
            if (preset.from(now).orElseThrow().isAfter(now.plus(maxLifetime))) {
                throw new ValidationException(new Violation(
                        "expiration",
                        "expiration_too_long",
                        "keys in this workspace may live at most " + maxLifetime.toDays()
                                + " days; choose a shorter expiration"));
            }
            return new Expiration(preset, Optional.empty());
        }
        Instant at = expiresAt.orElseThrow(() -> new ValidationException(new Violation(
                "expiresAt",
                "expires_at_required",
                "with expiration 'custom', give expiresAt as an ISO-8601 instant")));
        if (at.isBefore(now.plus(MINIMUM_LEAD))) {
            throw new ValidationException(
                    new Violation("expiresAt", "expires_at_too_soon", "expiresAt must be at least 5 minutes from now"));
        }
        if (at.isAfter(now.plus(maxLifetime))) {
            throw new ValidationException(new Violation(
                    "expiresAt",
                    "expires_at_too_late",
                    "expiresAt may be at most " + maxLifetime.toDays()
                            + " days from now (the workspace's maximum key lifetime)"));
        }
        return new Expiration(preset, expiresAt);
    }

    /** When a key generated at {@code generatedAt} expires: presets count from generation, custom is fixed. */
    public Instant expiresAt(Instant generatedAt) {
        return preset.from(generatedAt).orElseGet(customExpiresAt::orElseThrow);
    }
}
