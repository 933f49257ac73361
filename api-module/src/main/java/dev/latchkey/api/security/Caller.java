package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.VerifiedKey;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.session.BearerToken;
import dev.latchkey.domain.workspace.User;

/** Who is making the current request, as established by {@link AuthenticationFilter}. */
public sealed interface Caller {
    /** A person signed in with a bearer token. */
    record Person(User user, BearerToken token) implements Caller {}

    /** A client presenting an API key; it was verified while its owner is an enabled administrator. */
    record Key(VerifiedKey key) implements Caller {
        public ScopeSet scopes() {
            return key.scopes();
        }
    }
}
