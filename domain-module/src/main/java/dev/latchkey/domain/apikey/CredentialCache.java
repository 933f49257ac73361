package dev.latchkey.domain.apikey;

import dev.latchkey.domain.workspace.UserId;

/**
 * Port: whatever remembers verified credentials between requests. Services call it in the same request that
 * changes a key or a person, so that the change takes effect on the very next call.
 */
public interface CredentialCache {
    void evictKey(ApiKeyId id);

    void evictOwner(UserId owner);
}
