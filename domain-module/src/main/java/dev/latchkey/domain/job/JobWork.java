package dev.latchkey.domain.job;

/** The body of one job type; it runs inside the transaction that records the job finished. */
@FunctionalInterface
public interface JobWork {
    JobResult run();
}
