package dev.latchkey.domain.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An integration's configuration as the user wrote it: attribute name to text, with the names of the sensitive
 * ones. Sensitive values are write-only: {@link #toString()} masks them and {@link #visible()} leaves them out.
 */
public record IntegrationConfig(Map<String, String> values, Set<String> sensitive) {
    public static final IntegrationConfig EMPTY = new IntegrationConfig(Map.of(), Set.of());

    public IntegrationConfig {
        values = Map.copyOf(values);
        sensitive = Set.copyOf(sensitive);
        if (!values.keySet().containsAll(sensitive)) {
            throw new IllegalArgumentException("sensitive attributes must have values");
        }
    }

    /** {@code raw} with every attribute the schema declares sensitive marked so. */
    public static IntegrationConfig of(Map<String, String> raw, ProviderSchema schema) {
        return new IntegrationConfig(
                raw, raw.keySet().stream().filter(schema::isSensitive).collect(Collectors.toSet()));
    }

    public Optional<String> text(String attribute) {
        return Optional.ofNullable(values.get(attribute));
    }

    public boolean isSensitive(String attribute) {
        return sensitive.contains(attribute);
    }

    /** The non-sensitive values, sorted by name: what may be shown. */
    public Map<String, String> visible() {
        Map<String, String> shown = new TreeMap<>(values);
        shown.keySet().removeAll(sensitive);
        return shown;
    }

    /** The names of the sensitive attributes that have a value, sorted. */
    public Set<String> sensitiveNames() {
        return new TreeSet<>(sensitive);
    }

    /** Whether two texts are equal, compared in constant time so that a sensitive value leaks nothing. */
    static boolean sameText(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return MessageDigest.isEqual(
                a.get().getBytes(StandardCharsets.UTF_8), b.get().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + (sensitive.contains(e.getKey()) ? "***" : e.getValue()))
                        .collect(Collectors.joining(", ", "IntegrationConfig{", "}"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntegrationConfig that
                && values.equals(that.values)
                && sensitive.equals(that.sensitive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values.keySet(), sensitive);
    }
}
