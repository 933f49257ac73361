package dev.latchkey.domain.workspace;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.Optional;

/** Port: where users live. */
public interface UserRepository {
    Optional<User> findById(UserId id);

    Optional<User> findByEmail(Email email);

    /** Users whose name or email contains {@code text} (case-insensitive), or all when it is empty. */
    Page<User> page(String text, PageRequest request);

    boolean ownerExists();

    void save(User user);
}
