package dev.latchkey.domain.scope;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.shared.Violations;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable set of scopes, granted to a key or effective for a request. {@code read:items} implies the two
 * narrower item scopes; nothing else implies anything.
 */
public record ScopeSet(Set<Scope> scopes) {
    public static final ScopeSet NONE = new ScopeSet(Set.of());
    public static final ScopeSet ALL = new ScopeSet(EnumSet.allOf(Scope.class));

    public ScopeSet {
        Objects.requireNonNull(scopes, "scopes");
        scopes = scopes.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Scope.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public static ScopeSet of(Scope... scopes) {
        return new ScopeSet(Set.of(scopes));
    }

    /**
     * Parses what a client chose for a key: at least one scope, each a known wire name, no repeats. Every bad entry is
     * reported, each under {@code field/index}.
     */
    public static ScopeSet parseChoice(Collection<String> wireNames, String field) {
        if (wireNames == null || wireNames.isEmpty()) {
            throw new ValidationException(new Violation(field, "scopes_required", "choose at least one scope"));
        }
        Violations violations = new Violations();
        EnumSet<Scope> chosen = EnumSet.noneOf(Scope.class);
        List<String> names = wireNames.stream().map(n -> n == null ? "" : n).toList();
        for (int i = 0; i < names.size(); i++) {
            String entryField = field + "/" + i;
            String name = names.get(i);
            violations.collect(() -> Scope.parse(name, entryField)).ifPresent(scope -> {
                if (!chosen.add(scope)) {
                    violations.add(
                            new Violation(entryField, "duplicate_scope", "'" + scope.wireName() + "' is listed twice"));
                }
            });
        }
        violations.throwIfAny();
        return new ScopeSet(chosen);
    }

    /** Whether this set satisfies a check for {@code required}, counting implied scopes. */
    public boolean allows(Scope required) {
        return required.satisfiedBy().stream().anyMatch(scopes::contains);
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public List<String> wireNames() {
        return scopes.stream().map(Scope::wireName).toList();
    }

    @Override
    public String toString() {
        return wireNames().toString();
    }
}
