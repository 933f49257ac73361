package dev.latchkey.domain.testing;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.UserRepository;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users in a map; {@link User} is an immutable record, so no copying is needed. */
public final class InMemoryUserRepository implements UserRepository {
    private final Map<UserId, User> users = new LinkedHashMap<>();

    /** Stores {@code people} and returns the repository, for one-line fixtures. */
    public InMemoryUserRepository with(User... people) {
        for (User person : people) {
            save(person);
        }
        return this;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return users.values().stream()
                .filter(user -> user.email().equals(email))
                .findFirst();
    }

    @Override
    public Page<User> page(String text, PageRequest request) {
        String needle = text.toLowerCase(Locale.ROOT);
        return InMemoryPages.page(
                users.values().stream()
                        .filter(user -> user.name().toLowerCase(Locale.ROOT).contains(needle)
                                || user.email().value().contains(needle))
                        .sorted(Comparator.comparing(User::createdAt))
                        .toList(),
                request);
    }

    @Override
    public boolean ownerExists() {
        return users.values().stream().anyMatch(user -> user.role() == Role.WORKSPACE_OWNER);
    }

    @Override
    public void save(User user) {
        users.put(user.id(), user);
    }

    /** The user as stored now; fails if there is none. */
    public User stored(UserId id) {
        return findById(id).orElseThrow(() -> new AssertionError("no stored user " + id));
    }

    public int count() {
        return users.size();
    }
}
