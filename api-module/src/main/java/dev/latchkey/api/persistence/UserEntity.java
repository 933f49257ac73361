package dev.latchkey.api.persistence;

import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Row of {@code users}. */
@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    private String id;

    private String email;
    private String name;
    private String role;
    private boolean disabled;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected UserEntity() {}

    UserEntity(User user) {
        id = user.id().value();
        copyFrom(user);
    }

    final void copyFrom(User user) {
        email = user.email().value();
        name = user.name();
        role = user.role().wireName();
        disabled = user.disabled();
        passwordHash = user.passwordHash();
        createdAt = user.createdAt();
    }

    User toDomain() {
        return new User(
                new UserId(id), new Email(email), name, Role.parse(role, "role"), disabled, passwordHash, createdAt);
    }
}
