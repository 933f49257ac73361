package dev.latchkey.api.persistence;

import dev.latchkey.domain.session.Session;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code sessions}: a bearer token's digest, never the token. */
@Entity
@Table(name = "sessions")
public class SessionEntity {
    @Id
    @Column(name = "token_digest")
    private String tokenDigest;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected SessionEntity() {}

    SessionEntity(Session session) {
        tokenDigest = session.tokenDigest();
        userId = session.userId().value();
        createdAt = session.createdAt();
        expiresAt = session.expiresAt();
    }

    Session toDomain() {
        return new Session(tokenDigest, new UserId(userId), createdAt, expiresAt);
    }
}
