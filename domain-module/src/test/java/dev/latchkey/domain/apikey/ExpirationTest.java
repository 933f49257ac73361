package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Expiry rules at the value level; the wizard's end-to-end checks live in WizardServiceTest. */
class ExpirationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MAX = Duration.ofDays(730);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1h,  2026-03-02T10:00:00Z",
        "12h, 2026-03-02T21:00:00Z",
        "1d,  2026-03-03T09:00:00Z",
        "5d,  2026-03-07T09:00:00Z",
        "1y,  2027-03-02T09:00:00Z"
    })
    void presetsCountFromTheGivenInstant(String wireName, Instant expected) {
        assertThat(ExpirationPreset.parse(wireName, "expiration").from(NOW)).contains(expected);
    }

    @Test
    void oneYearIsACalendarYear() {
        assertThat(ExpirationPreset.ONE_YEAR.from(Instant.parse("2028-02-29T12:00:00Z")))
                .contains(Instant.parse("2029-02-28T12:00:00Z"));
    }

    @Test
    void presetExpiryMovesWithGenerationTimeButCustomDoesNot() {
        Instant custom = NOW.plus(Duration.ofDays(3));
        Expiration preset = Expiration.choose(ExpirationPreset.ONE_DAY, Optional.empty(), NOW, MAX);
        Expiration fixed = Expiration.choose(ExpirationPreset.CUSTOM, Optional.of(custom), NOW, MAX);
        Instant generatedAt = NOW.plus(Duration.ofMinutes(12));

        assertThat(preset.expiresAt(generatedAt)).isEqualTo(generatedAt.plus(Duration.ofDays(1)));
        assertThat(fixed.expiresAt(generatedAt)).isEqualTo(custom);
    }

    @Test
    void customIsAcceptedFromFiveMinutesToTheMaximumLifetime() {
        assertThat(Expiration.choose(ExpirationPreset.CUSTOM, Optional.of(NOW.plus(Expiration.MINIMUM_LEAD)), NOW, MAX)
                        .customExpiresAt())
                .contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(Expiration.choose(ExpirationPreset.CUSTOM, Optional.of(NOW.plus(MAX)), NOW, MAX)
                        .customExpiresAt())
                .contains(NOW.plus(MAX));
    }

    @Test
    void tooLongPresetIsReportedOnExpiration() {
        ValidationException tooLong = catchThrowableOfType(
                ValidationException.class,
                () -> Expiration.choose(ExpirationPreset.FIVE_DAYS, Optional.empty(), NOW, Duration.ofDays(4)));

        assertThat(tooLong.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("expiration");
            assertThat(v.code()).isEqualTo("expiration_too_long");
            assertThat(v.message()).contains("4 days");
        });
    }

    @ParameterizedTest
    @EnumSource(ExpirationPreset.class)
    void everyPresetParsesBackFromItsWireName(ExpirationPreset preset) {
        assertThat(ExpirationPreset.parse(preset.wireName(), "expiration")).isEqualTo(preset);
    }

    @Test
    void unknownPresetNamesTheFieldAndTheChoices() {
        ValidationException unknown =
                catchThrowableOfType(ValidationException.class, () -> ExpirationPreset.parse("2w", "expiration"));

        assertThat(unknown.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("expiration");
            assertThat(v.code()).isEqualTo("unknown_expiration");
            assertThat(v.message()).contains("1h", "12h", "1d", "5d", "1y", "custom");
        });
    }

    @Test
    void onlyCustomCarriesAnInstant() {
        assertThatThrownBy(() -> new Expiration(ExpirationPreset.CUSTOM, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Expiration(ExpirationPreset.ONE_DAY, Optional.of(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
