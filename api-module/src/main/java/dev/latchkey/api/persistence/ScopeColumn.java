package dev.latchkey.api.persistence;

import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Scopes as one column: wire names separated by spaces, the way OAuth writes them. */
final class ScopeColumn {
    private ScopeColumn() {}

    static String write(ScopeSet scopes) {
        return String.join(" ", scopes.wireNames());
    }

    static ScopeSet read(String column) {
        if (column == null || column.isBlank()) {
            return ScopeSet.NONE;
        }
        return new ScopeSet(Arrays.stream(column.split(" "))
                .map(name -> Scope.parse(name, "scopes"))
                .collect(Collectors.toSet()));
    }
}
