package dev.latchkey.domain.job;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What a finished job did: one sentence, and the counts behind it (never a secret). */
public record JobResult(String summary, Map<String, Long> counts) {
    public JobResult {
        Objects.requireNonNull(summary, "summary");
        counts = Map.copyOf(new TreeMap<>(counts));
    }
}
