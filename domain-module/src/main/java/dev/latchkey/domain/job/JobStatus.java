package dev.latchkey.domain.job;

/** Where a job run is in its life: created → running → finished or error. */
public enum JobStatus {
    CREATED("created"),
    RUNNING("running"),
    FINISHED("finished"),
    ERROR("error");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Created and running jobs hold their type's slot, so that no second one of that type can start. */
    public boolean holdsSlot() {
        return this == CREATED || this == RUNNING;
    }

    public static JobStatus parse(String wireName) {
        for (JobStatus status : values()) {
            if (status.wireName.equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status " + wireName);
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
