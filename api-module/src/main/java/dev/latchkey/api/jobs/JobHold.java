package dev.latchkey.api.jobs;

/**
 * Whether a requested job must wait in {@code created} before a worker starts it. A production server never holds
 * one ({@link #NEVER}); only a server run with {@code latchkey.testing.clock-control} lets black-box tests hold jobs.
 */
public interface JobHold {
    /** Lets every job start at once. */
    JobHold NEVER = () -> {};

    /** Returns once the calling worker may start its job. */
    void awaitRelease();
}
