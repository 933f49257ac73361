package dev.latchkey.domain.testing;

import dev.latchkey.domain.job.Job;
import dev.latchkey.domain.job.JobAlreadyRunningException;
import dev.latchkey.domain.job.JobId;
import dev.latchkey.domain.job.JobRepository;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs in a map, refusing a second slot holder per type the way the database's unique constraint does. */
public final class InMemoryJobRepository implements JobRepository {
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();

    @Override
    public void insert(Job job) {
        boolean taken = jobs.values().stream()
                .anyMatch(other -> other.type() == job.type() && other.status().holdsSlot());
        if (taken) {
            throw new JobAlreadyRunningException(job.type());
        }
        jobs.put(job.id(), job);
    }

    @Override
    public void save(Job job) {
        if (!jobs.containsKey(job.id())) {
            throw new IllegalStateException("save of a job never inserted");
        }
        jobs.put(job.id(), job);
    }

    @Override
    public Optional<Job> findById(JobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Page<Job> page(PageRequest request) {
        return InMemoryPages.page(
                jobs.values().stream()
                        .sorted(Comparator.comparing(Job::createdAt).reversed())
                        .toList(),
                request);
    }

    @Override
    public List<Job> findUnfinished() {
        return jobs.values().stream()
                .filter(job -> job.status().holdsSlot())
                .sorted(Comparator.comparing(Job::createdAt))
                .toList();
    }
}
