package dev.latchkey.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which activities a reader wants; empty parts match everything. */
public record ActivityFilter(Optional<ActivityType> type, Optional<String> actorUserId, Optional<Instant> since) {
    public static final ActivityFilter ALL = new ActivityFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public ActivityFilter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actorUserId, "actorUserId");
        Objects.requireNonNull(since, "since");
    }
}
