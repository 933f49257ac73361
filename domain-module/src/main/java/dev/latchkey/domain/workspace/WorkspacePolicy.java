package dev.latchkey.domain.workspace;

import java.time.Duration;
import java.util.Objects;

/** Workspace-wide limits; today, how long a key may live at most. */
public record WorkspacePolicy(Duration maxKeyLifetime) {
    public static final WorkspacePolicy DEFAULT = new WorkspacePolicy(Duration.ofDays(730));

    public WorkspacePolicy {
        Objects.requireNonNull(maxKeyLifetime, "maxKeyLifetime");
        if (maxKeyLifetime.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("keys must be allowed to live at least an hour");
        }
    }
}
