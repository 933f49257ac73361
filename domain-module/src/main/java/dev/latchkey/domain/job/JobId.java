package dev.latchkey.domain.job;

import dev.latchkey.domain.shared.Ids;

/** A job run's identifier. */
public record JobId(String value) {
    public JobId {
        if (!Ids.isId(value)) {
            throw new IllegalArgumentException("not a job id");
        }
    }

    public static JobId generate() {
        return new JobId(Ids.newId());
    }

    @Override
    public String toString() {
        return value;
    }
}
