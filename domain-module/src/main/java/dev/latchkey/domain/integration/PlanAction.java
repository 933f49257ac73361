package dev.latchkey.domain.integration;

/** What applying a configuration would do, in Terraform's words. */
public enum PlanAction {
    CREATE("create"),
    UPDATE("update"),
    REPLACE("replace"),
    NO_OP("no-op");

    private final String wireName;

    PlanAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
