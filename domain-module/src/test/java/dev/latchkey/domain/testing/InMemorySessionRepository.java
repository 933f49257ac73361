package dev.latchkey.domain.testing;

import dev.latchkey.domain.session.Session;
import dev.latchkey.domain.session.SessionRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions in a map keyed by token digest, as the real table is. */
public final class InMemorySessionRepository implements SessionRepository {
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.tokenDigest(), session);
    }

    @Override
    public Optional<Session> findByDigest(String tokenDigest) {
        return Optional.ofNullable(sessions.get(tokenDigest));
    }

    @Override
    public void delete(String tokenDigest) {
        sessions.remove(tokenDigest);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(session -> !session.isValidAt(now));
        return before - sessions.size();
    }

    public List<Session> all() {
        return List.copyOf(sessions.values());
    }
}
