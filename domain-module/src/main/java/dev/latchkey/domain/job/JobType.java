package dev.latchkey.domain.job;

import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import java.util.Arrays;

/** The chores the platform knows how to run, with the wire name clients send as {@code workflowType}. */
public enum JobType {
    /** Records an {@code api_key.expired} activity for each key whose expiry has passed. */
    EXPIRE_KEYS("expire_keys"),
    /** Expires wizards past their timeout and destroys the keys they generated. */
    PURGE_ABANDONED_WIZARDS("purge_abandoned_wizards"),
    /** Runs every integration's health check through its vault plugin. */
    CHECK_VAULT_HEALTH("check_vault_health");

    private final String wireName;

    JobType(String wireName) {
        this.wireName = wireName;
    }

    /** Parses a wire name; a missing or unknown one is a violation on {@code field} that lists the valid names. */
    public static JobType parse(String wireName, String field) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new ValidationException(new Violation(
                        field,
                        "unknown_workflow_type",
                        field + " must be one of "
                                + Arrays.stream(values()).map(JobType::wireName).toList())));
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
