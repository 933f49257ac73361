package dev.latchkey.domain.job;

/** Why a job ran: the platform's schedule, or someone asked for it. */
public enum JobTrigger {
    SYSTEM("system"),
    MANUAL("manual");

    private final String wireName;

    JobTrigger(String wireName) {
        this.wireName = wireName;
    }

    public static JobTrigger parse(String wireName) {
        for (JobTrigger trigger : values()) {
            if (trigger.wireName.equals(wireName)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown job trigger " + wireName);
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
