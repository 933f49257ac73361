package dev.latchkey.domain.job;

import dev.latchkey.domain.shared.ConflictException;

/** Another job of the same type is created or running; the caller should wait for it to finish. */
public final class JobAlreadyRunningException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public JobAlreadyRunningException(JobType type) {
        super("job_already_running", "a " + type + " job is already running; wait for it to finish and try again");
    }
}
