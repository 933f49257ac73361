package dev.latchkey.domain.session;

import dev.latchkey.domain.workspace.UserId;
import java.time.Instant;
import java.util.Objects;

/** A signed-in person's session, stored by the digest of its token. */
public record Session(String tokenDigest, UserId userId, Instant createdAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
