package dev.latchkey.domain.audit;

import dev.latchkey.domain.shared.Ids;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One entry of the activity log. {@code details} holds names and ids, never secret values. */
public record Activity(
        String id,
        ActivityType type,
        Instant occurredAt,
        Actor actor,
        String subjectType,
        String subjectId,
        Map<String, String> details) {
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        details = Map.copyOf(new TreeMap<>(details));
    }

    public static Activity of(
            ActivityType type,
            Instant at,
            Actor actor,
            String subjectType,
            String subjectId,
            Map<String, String> details) {
        return new Activity(Ids.newId(), type, at, actor, subjectType, subjectId, details);
    }
}
