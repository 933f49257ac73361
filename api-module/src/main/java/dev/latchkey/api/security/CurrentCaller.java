package dev.latchkey.api.security;

import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the current request, for resources to inject. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller established) {
        this.caller = established;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The signed-in person; operations that call this accept only bearer tokens (the filter made sure). */
    public User person() {
        if (caller instanceof Caller.Person person) {
            return person.user();
        }
        throw new PermissionDeniedException("bearer_token_required", "this operation needs a signed-in person");
    }

    /** The caller as the activity log names them: a person, or a person's API key by its public id. */
    public Actor actor() {
        return switch (require()) {
            case Caller.Person person -> Actor.of(person.user());
            case Caller.Key key ->
                Actor.apiKey(
                        key.key().ownerId(),
                        key.key().id().value(),
                        key.key().ownerEmail() + " (API key " + key.key().id().value() + ")");
        };
    }

    /** The person the request acts for: the signed-in person, or the creator of the key. */
    public UserId userId() {
        return switch (require()) {
            case Caller.Person person -> person.user().id();
            case Caller.Key key -> key.key().ownerId();
        };
    }

    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("no caller: the operation is open"));
    }
}
