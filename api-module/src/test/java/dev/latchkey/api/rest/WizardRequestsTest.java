package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.api.rest.WizardResource.DetailsRequest;
import dev.latchkey.api.rest.WizardResource.ScopesRequest;
import dev.latchkey.domain.apikey.ExpirationPreset;
import dev.latchkey.domain.apikey.KeyName;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.wizard.DetailsChoice;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

class WizardRequestsTest {
    private static List<Violation> violationsOf(ThrowingSupplier<?> parse) {
        return catchThrowableOfType(ValidationException.class, parse::get).violations();
    }

    @Test
    void detailsBecomeDomainValuesWithTheNameTrimmed() {
        DetailsChoice choice = new DetailsRequest("  CI deploy ", "custom", "2027-03-01T12:00:00Z").toChoice();

        assertThat(choice)
                .isEqualTo(new DetailsChoice(
                        new KeyName("CI deploy"),
                        ExpirationPreset.CUSTOM,
                        Optional.of(Instant.parse("2027-03-01T12:00:00Z"))));
    }

    @Test
    void absentExpiresAtIsEmpty() {
        assertThat(new DetailsRequest("CI deploy", "1d", null).toChoice().expiresAt())
                .isEmpty();
    }

    @Test
    void detailsReportEveryBadFieldAtOnce() {
        List<Violation> violations = violationsOf(() -> new DetailsRequest("   ", "2w", "next tuesday").toChoice());

        assertThat(violations)
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("name", "name_required"),
                        tuple("expiration", "unknown_expiration"),
                        tuple("expiresAt", "invalid_instant"));
    }

    @Test
    void absentDetailsAreReportedAsRequired() {
        assertThat(violationsOf(() -> new DetailsRequest(null, null, null).toChoice()))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "name_required"), tuple("expiration", "unknown_expiration"));
    }

    @Test
    void unreadableExpiresAtNamesTheFormat() {
        assertThat(violationsOf(() -> new DetailsRequest("CI deploy", "custom", "2027-13-45").toChoice()))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("expiresAt");
                    assertThat(violation.message()).contains("ISO-8601");
                });
    }

    @Test
    void scopesBecomeAScopeSet() {
        assertThat(new ScopesRequest(List.of("read:users", "read:items")).toScopes())
                .isEqualTo(ScopeSet.of(Scope.READ_USERS, Scope.READ_ITEMS));
    }

    @Test
    void scopesReportEveryBadEntryByIndex() {
        List<Violation> violations = violationsOf(() ->
                new ScopesRequest(Arrays.asList("read:items", "write:everything", null, "read:items")).toScopes());

        assertThat(violations)
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("scopes/1", "unknown_scope"),
                        tuple("scopes/2", "unknown_scope"),
                        tuple("scopes/3", "duplicate_scope"));
    }

    @Test
    void absentScopesAreRequired() {
        assertThat(violationsOf(() -> new ScopesRequest(null).toScopes()))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes", "scopes_required"));
    }
}
