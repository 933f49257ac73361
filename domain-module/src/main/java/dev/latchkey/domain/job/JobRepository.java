package dev.latchkey.domain.job;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Port: where job runs live. The store itself guarantees that at most one job per type holds the slot (is created
 * or running): {@link #insert} of a second one fails with {@link JobAlreadyRunningException}, however many servers
 * race for it.
 */
public interface JobRepository {
    /** Stores a new job that holds its type's slot; throws {@link JobAlreadyRunningException} if the slot is taken. */
    void insert(Job job);

    /** Updates a stored job; a job that no longer holds the slot frees it. */
    void save(Job job);

    Optional<Job> findById(JobId id);

    /** Newest first. */
    Page<Job> page(PageRequest request);

    /** Jobs still created or running, oldest first. */
    List<Job> findUnfinished();
}
