package dev.latchkey.domain.testing;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityFilter;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An activity log that keeps every entry in memory, in the order recorded. */
public final class RecordingActivityLog implements ActivityLog {
    private final List<Activity> recorded = new ArrayList<>();

    @Override
    public void record(Activity activity) {
        recorded.add(activity);
    }

    @Override
    public Page<Activity> page(ActivityFilter filter, PageRequest request) {
        List<Activity> matching = recorded.stream()
                .filter(a -> filter.type().map(t -> t == a.type()).orElse(true))
                .filter(a -> filter.actorUserId()
                        .map(id -> a.actor()
                                .userId()
                                .map(u -> u.value().equals(id))
                                .orElse(false))
                        .orElse(true))
                .filter(a -> filter.since()
                        .map(since -> !a.occurredAt().isBefore(since))
                        .orElse(true))
                .sorted(Comparator.comparing(Activity::occurredAt).reversed())
                .toList();
        return InMemoryPages.page(matching, request);
    }

    public List<Activity> all() {
        return List.copyOf(recorded);
    }

    public List<ActivityType> types() {
        return recorded.stream().map(Activity::type).toList();
    }

    public List<Activity> ofType(ActivityType type) {
        return recorded.stream().filter(a -> a.type() == type).toList();
    }

    /** The one entry of {@code type}; fails when there is none or more than one. */
    public Activity only(ActivityType type) {
        List<Activity> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " activity but found " + found);
        }
        return found.get(0);
    }
}
