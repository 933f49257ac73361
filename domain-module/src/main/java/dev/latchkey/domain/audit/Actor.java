package dev.latchkey.domain.audit;

import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who did something: a person, optionally through one of their API keys (named by its public id only), or the
 * platform itself.
 */
public record Actor(Optional<UserId> userId, Optional<String> apiKeyId, String display) {
    public static final Actor SYSTEM = new Actor(Optional.empty(), Optional.empty(), "system");

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(display, "display");
    }

    /** A person acting with a bearer token; shown by email. */
    public static Actor of(User user) {
        return new Actor(Optional.of(user.id()), Optional.empty(), user.email().value());
    }

    public static Actor person(UserId userId, String display) {
        return new Actor(Optional.of(userId), Optional.empty(), display);
    }

    public static Actor apiKey(UserId owner, String apiKeyId, String display) {
        return new Actor(Optional.of(owner), Optional.of(apiKeyId), display);
    }

    /** Someone who has not proven who they are, such as a caller presenting an unknown key. */
    public static Actor anonymous(String display) {
        return new Actor(Optional.empty(), Optional.empty(), display);
    }
}
