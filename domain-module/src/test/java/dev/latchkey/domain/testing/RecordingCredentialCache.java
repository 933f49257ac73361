package dev.latchkey.domain.testing;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.CredentialCache;
import dev.latchkey.domain.workspace.UserId;
import java.util.ArrayList;
import java.util.List;

/** A credential cache that remembers only which evictions it was asked for. */
public final class RecordingCredentialCache implements CredentialCache {
    private final List<ApiKeyId> evictedKeys = new ArrayList<>();
    private final List<UserId> evictedOwners = new ArrayList<>();

    @Override
    public void evictKey(ApiKeyId id) {
        evictedKeys.add(id);
    }

    @Override
    public void evictOwner(UserId owner) {
        evictedOwners.add(owner);
    }

    public List<ApiKeyId> evictedKeys() {
        return List.copyOf(evictedKeys);
    }

    public List<UserId> evictedOwners() {
        return List.copyOf(evictedOwners);
    }
}
