package dev.latchkey.domain.audit;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;

/**
 * Port: the append-only activity log. {@link #record} joins the caller's transaction, so an activity that cannot be
 * written fails the request that caused it.
 */
public interface ActivityLog {
    void record(Activity activity);

    /** Newest first. */
    Page<Activity> page(ActivityFilter filter, PageRequest request);
}
