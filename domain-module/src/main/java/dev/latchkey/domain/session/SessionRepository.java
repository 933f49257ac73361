package dev.latchkey.domain.session;

import java.time.Instant;
import java.util.Optional;

/** Port: where sessions live. */
public interface SessionRepository {
    void save(Session session);

    Optional<Session> findByDigest(String tokenDigest);

    void delete(String tokenDigest);

    /** Deletes sessions that ended before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
