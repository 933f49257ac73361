package dev.latchkey.domain.people;

import dev.latchkey.domain.apikey.CredentialCache;
import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.SearchText;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.shared.Violation;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.Password;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import dev.latchkey.domain.workspace.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * People management: the first Owner, new users, role changes and disabling. Who may change whom lives on
 * {@link Role}; any change to a person evicts their keys from the credential cache at once.
 */
public final class UserService {
    private final UserRepository users;
    private final SecretHasher hasher;
    private final ActivityLog activities;
    private final CredentialCache cache;
    private final Clock clock;
    private final RandomGenerator random;

    public UserService(
            UserRepository users,
            SecretHasher hasher,
            ActivityLog activities,
            CredentialCache cache,
            Clock clock,
            RandomGenerator random) {
        this.users = users;
        this.hasher = hasher;
        this.activities = activities;
        this.cache = cache;
        this.clock = clock;
        this.random = random;
    }

    /** What {@link #ensureOwner} did on this start. */
    public sealed interface OwnerBootstrap {
        /** An Owner already existed; nothing changed. */
        record Existing() implements OwnerBootstrap {}

        /** The Owner was created with the configured password. */
        record Created(User owner) implements OwnerBootstrap {}

        /** The Owner was created with a generated password, which the caller must hand over once and forget. */
        record CreatedWithGeneratedPassword(User owner, String password) implements OwnerBootstrap {
            @Override
            public String toString() {
                return "CreatedWithGeneratedPassword[" + owner + ", password=***]";
            }
        }
    }

    /** On first start, creates the workspace Owner; with no password configured, generates a strong one. */
    public OwnerBootstrap ensureOwner(Email email, Optional<String> configuredPassword) {
        if (users.ownerExists()) {
            return new OwnerBootstrap.Existing();
        }
        String password = configuredPassword
                .map(p -> Password.check(p, "latchkey.owner.password"))
                .orElseGet(this::generatePassword);
        User owner = new User(
                UserId.generate(),
                email,
                "Workspace Owner",
                Role.WORKSPACE_OWNER,
                false,
                hasher.hash(password),
                clock.instant());
        users.save(owner);
        activities.record(Activity.of(
                ActivityType.USER_CREATED,
                owner.createdAt(),
                Actor.SYSTEM,
                "user",
                owner.id().value(),
                Map.of("email", email.value(), "role", owner.role().wireName())));
        return configuredPassword.isPresent()
                ? new OwnerBootstrap.Created(owner)
                : new OwnerBootstrap.CreatedWithGeneratedPassword(owner, password);
    }

    public Page<User> list(SearchText text, PageRequest page) {
        return users.page(text.value(), page);
    }

    public User get(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user_not_found", "no user with id " + id));
    }

    /** Creates a person; a taken email is a violation on {@code email}. */
    public User create(User actor, NewUser newUser) {
        actor.requireAdministrator("managing users");
        if (users.findByEmail(newUser.email()).isPresent()) {
            throw new ValidationException(
                    new Violation("email", "email_taken", "a user with email " + newUser.email() + " already exists"));
        }
        Role newRole = newUser.role();
        actor.role().checkMayAssign(newRole);
        User user = new User(
                UserId.generate(),
                newUser.email(),
                newUser.name().value(),
                newRole,
                false,
                hasher.hash(newUser.password()),
                clock.instant());
        users.save(user);
        activities.record(Activity.of(
                ActivityType.USER_CREATED,
                user.createdAt(),
                Actor.of(actor),
                "user",
                user.id().value(),
                Map.of("email", user.email().value(), "role", newRole.wireName())));
        return user;
    }

    /** Changes a person's role and/or disabled flag; a change that would break the rules changes nothing. */
    public User update(User actor, UserId id, UserChange change) {
        actor.requireAdministrator("managing users");
        User target = get(id);
        Optional<Role> newRole = change.role();
        Optional<Boolean> disabled = change.disabled();
        User changed = target;
        Instant now = clock.instant();
        if (newRole.isPresent() && newRole.get() != target.role()) {
            actor.role().checkMayChange(target.role());
            actor.role().checkMayAssign(newRole.get());
            changed = changed.withRole(newRole.get());
            activities.record(Activity.of(
                    ActivityType.USER_ROLE_CHANGED,
                    now,
                    Actor.of(actor),
                    "user",
                    id.value(),
                    Map.of("from", target.role().wireName(), "to", newRole.get().wireName())));
        }
        if (disabled.isPresent() && disabled.get() != target.disabled()) {
            actor.role().checkMayChange(target.role());
            changed = changed.withDisabled(disabled.get());
            activities.record(Activity.of(
                    disabled.get() ? ActivityType.USER_DISABLED : ActivityType.USER_ENABLED,
                    now,
                    Actor.of(actor),
                    "user",
                    id.value(),
                    Map.of("email", target.email().value())));
        }
        if (!changed.equals(target)) {
            users.save(changed);
            cache.evictOwner(id);
        }
        return changed;
    }

    private String generatePassword() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
