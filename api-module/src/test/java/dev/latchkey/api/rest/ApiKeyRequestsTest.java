package dev.latchkey.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.latchkey.api.rest.ApiKeysResource.UpdateRequest;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRequestsTest {
    @Test
    void scopesBecomeAScopeSet() {
        assertThat(new UpdateRequest(List.of("read:activities")).toScopes())
                .isEqualTo(ScopeSet.of(Scope.READ_ACTIVITIES));
    }

    @Test
    void absentOrBadScopesAreReportedUnderTheirPointers() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> new UpdateRequest(null).toScopes())
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes", "scopes_required"));
        assertThat(catchThrowableOfType(
                                ValidationException.class,
                                () -> new UpdateRequest(List.of("read:users", "root", "read:users")).toScopes())
                        .violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("scopes/1", "unknown_scope"), tuple("scopes/2", "duplicate_scope"));
    }
}
