package dev.latchkey.domain.apikey;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** The expiry choices the wizard offers; {@link #CUSTOM} takes an absolute date instead of a length. */
public enum ExpirationPreset {
    ONE_HOUR("1h", 1, ChronoUnit.HOURS),
    TWELVE_HOURS("12h", 12, ChronoUnit.HOURS),
    ONE_DAY("1d", 1, ChronoUnit.DAYS),
    FIVE_DAYS("5d", 5, ChronoUnit.DAYS),
    ONE_YEAR("1y", 1, ChronoUnit.YEARS),
    CUSTOM("custom", 0, ChronoUnit.FOREVER);

    private final String wireName;
    private final long amount;
    private final ChronoUnit unit;

    ExpirationPreset(String wireName, long amount, ChronoUnit unit) {
        this.wireName = wireName;
        this.amount = amount;
        this.unit = unit;
    }

    public static ExpirationPreset parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(preset -> preset.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_expiration",
                        "choose an expiration: "
                                + Arrays.stream(values())
                                        .map(ExpirationPreset::wireName)
                                        .toList())));
    }

    public String wireName() {
        return wireName;
    }

    /** When a key made at {@code now} with this preset expires; empty for {@link #CUSTOM}. */
    public Optional<Instant> from(Instant now) {
        // A calendar year, not 365 days, so "1 year" lands on the same date next year (in UTC).
        return this == CUSTOM
                ? Optional.empty()
                : Optional.of(now.atOffset(ZoneOffset.UTC).plus(amount, unit).toInstant());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
