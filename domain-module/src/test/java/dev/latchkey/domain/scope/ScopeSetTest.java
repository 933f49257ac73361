package dev.latchkey.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScopeSetTest {
    private static List<Violation> violationsOf(List<String> wireNames) {
        return catchThrowableOfType(ValidationException.class, () -> ScopeSet.parseChoice(wireNames, "scopes"))
                .violations();
    }

    @Test
    void readItemsAllowsBothNarrowerItemScopes() {
        ScopeSet granted = ScopeSet.of(Scope.READ_ITEMS);

        assertThat(granted.allows(Scope.READ_ITEMS)).isTrue();
        assertThat(granted.allows(Scope.READ_ITEMS_ACCOUNTS)).isTrue();
        assertThat(granted.allows(Scope.READ_ITEMS_SECRETS)).isTrue();
    }

    @Test
    void narrowerItemScopesDoNotAllowReadItemsNorEachOther() {
        assertThat(ScopeSet.of(Scope.READ_ITEMS_ACCOUNTS).allows(Scope.READ_ITEMS))
                .isFalse();
        assertThat(ScopeSet.of(Scope.READ_ITEMS_ACCOUNTS).allows(Scope.READ_ITEMS_SECRETS))
                .isFalse();
        assertThat(ScopeSet.of(Scope.READ_ITEMS_SECRETS).allows(Scope.READ_ITEMS))
                .isFalse();
        assertThat(ScopeSet.of(Scope.READ_ITEMS_SECRETS, Scope.READ_ITEMS_ACCOUNTS)
                        .allows(Scope.READ_ITEMS))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void eachScopeAllowsItselfAndOnlyWhatItImplies(Scope granted) {
        Set<Scope> expected = granted == Scope.READ_ITEMS
                ? EnumSet.of(Scope.READ_ITEMS, Scope.READ_ITEMS_ACCOUNTS, Scope.READ_ITEMS_SECRETS)
                : EnumSet.of(granted);

        Set<Scope> allowed = Arrays.stream(Scope.values())
                .filter(ScopeSet.of(granted)::allows)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));

        assertThat(allowed).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void emptySetAllowsNothing(Scope required) {
        assertThat(ScopeSet.NONE.allows(required)).isFalse();
    }

    @Test
    void parsesAChoiceInAnyOrder() {
        assertThat(ScopeSet.parseChoice(List.of("write:automations", "read:items"), "scopes"))
                .isEqualTo(ScopeSet.of(Scope.READ_ITEMS, Scope.WRITE_AUTOMATIONS));
    }

    @Test
    void rejectsAnEmptyChoice() {
        assertThat(violationsOf(List.of()))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes", "scopes_required"));
        assertThat(violationsOf(null)).extracting(Violation::code).containsExactly("scopes_required");
    }

    @Test
    void rejectsUnknownScopeUnderItsIndex() {
        assertThat(violationsOf(List.of("read:items", "read:everything")))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes/1", "unknown_scope"));
    }

    @Test
    void unknownScopeMessageListsTheValidOnes() {
        assertThat(violationsOf(List.of("READ:ITEMS")).get(0).message())
                .contains("'READ:ITEMS'")
                .contains("read:items:secrets")
                .contains("write:automations");
    }

    @Test
    void rejectsDuplicateUnderTheIndexOfTheRepeat() {
        assertThat(violationsOf(List.of("read:users", "read:items", "read:users")))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes/2", "duplicate_scope"));
    }

    @Test
    void reportsEveryBadEntryAtOnce() {
        assertThat(violationsOf(Arrays.asList("", "read:items", null, "read:items", "nope")))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("scopes/0", "unknown_scope"),
                        tuple("scopes/2", "unknown_scope"),
                        tuple("scopes/3", "duplicate_scope"),
                        tuple("scopes/4", "unknown_scope"));
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyWireNameParsesBackToItsScope(Scope scope) {
        assertThat(Scope.parse(scope.wireName(), "scope")).isEqualTo(scope);
        assertThat(scope.toString()).isEqualTo(scope.wireName());
    }

    @Test
    void wireNamesAreUnique() {
        assertThat(ScopeSet.ALL.wireNames()).doesNotHaveDuplicates().hasSize(Scope.values().length);
    }

    @Test
    void isImmutableEvenWhenBuiltFromAMutableSet() {
        Set<Scope> source = EnumSet.of(Scope.READ_USERS);
        ScopeSet set = new ScopeSet(source);
        source.add(Scope.WRITE_INTEGRATIONS);

        assertThat(set.allows(Scope.WRITE_INTEGRATIONS)).isFalse();
        assertThatThrownBy(() -> set.scopes().add(Scope.READ_ITEMS)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ScopeSet.NONE.scopes().add(Scope.READ_ITEMS))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
