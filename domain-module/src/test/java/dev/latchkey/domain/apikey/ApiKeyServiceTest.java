package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.shared.NotFoundException;
import dev.latchkey.domain.shared.PageRequest;
import dev.latchkey.domain.shared.PermissionDeniedException;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.RecordingCredentialCache;
import dev.latchkey.domain.workspace.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
    private static final ScopeSet NEW_SCOPES = ScopeSet.of(Scope.READ_ACTIVITIES);

    private final MutableClock clock = new MutableClock().advance(Duration.ofHours(1));
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final RecordingCredentialCache cache = new RecordingCredentialCache();
    private final ApiKeyService service = new ApiKeyService(keys, activities, cache, clock);
    private final User creator = People.admin();
    private final ApiKey key = TestKeys.active(creator);

    ApiKeyServiceTest() {
        keys.save(key);
    }

    @Test
    void plainUserMayNotManageKeys() {
        User member = People.member();

        assertThatThrownBy(() -> service.list(member, ApiKeyQuery.ALL, PageRequest.FIRST))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        denied -> assertThat(denied.code()).isEqualTo("role_required"));
        assertThatThrownBy(() -> service.get(member, key.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.remove(member, key.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void pendingKeyIsNotFound() {
        ApiKey pending = TestKeys.issue(creator, new FakeSecretHasher(), false).key();
        keys.save(pending);

        assertThatThrownBy(() -> service.get(creator, pending.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        notFound -> assertThat(notFound.code()).isEqualTo("api_key_not_found"));
        assertThat(service.list(creator, ApiKeyQuery.ALL, PageRequest.FIRST).items())
                .extracting(ApiKey::id)
                .containsExactly(key.id());
    }

    @Test
    void changingScopesSavesEvictsAndRecords() {
        service.changeScopes(creator, key.id(), NEW_SCOPES);

        assertThat(keys.findById(key.id()).orElseThrow().scopes()).isEqualTo(NEW_SCOPES);
        assertThat(cache.evictedKeys()).containsExactly(key.id());
        assertThat(activities.only(ActivityType.KEY_SCOPES_CHANGED).details())
                .containsEntry("from", "read:items read:users")
                .containsEntry("to", "read:activities");
    }

    @Test
    void onlyTheCreatorChangesScopesAndARefusalChangesNothing() {
        assertThatThrownBy(() -> service.changeScopes(People.owner(), key.id(), NEW_SCOPES))
                .isInstanceOf(PermissionDeniedException.class);

        assertThat(keys.findById(key.id()).orElseThrow().scopes()).isEqualTo(TestKeys.SCOPES);
        assertThat(cache.evictedKeys()).isEmpty();
        assertThat(activities.all()).isEmpty();
    }

    @Test
    void removingSavesEvictsAndRecordsOnce() {
        User owner = People.owner();

        service.remove(owner, key.id());
        service.remove(owner, key.id());

        assertThat(keys.findById(key.id()).orElseThrow().removedAt()).contains(clock.instant());
        assertThat(cache.evictedKeys()).containsExactly(key.id());
        assertThat(activities.ofType(ActivityType.KEY_REMOVED)).hasSize(1);
    }

    @Test
    void anotherAdminMayNotRemove() {
        assertThatThrownBy(() -> service.remove(People.admin(), key.id()))
                .isInstanceOf(PermissionDeniedException.class);

        assertThat(keys.findById(key.id()).orElseThrow().removedAt()).isEmpty();
        assertThat(cache.evictedKeys()).isEmpty();
    }

    @Test
    void listsByStatusAsOfNow() {
        clock.setTo(TestKeys.EXPIRES_AT);

        assertThat(service.list(
                                creator,
                                new ApiKeyQuery(Optional.of(ApiKeyStatus.EXPIRED), ApiKeyQuery.Sort.NAME),
                                PageRequest.FIRST)
                        .items())
                .extracting(ApiKey::id)
                .containsExactly(key.id());
        assertThat(service.list(
                                creator,
                                new ApiKeyQuery(Optional.of(ApiKeyStatus.ACTIVE), ApiKeyQuery.Sort.NAME),
                                PageRequest.FIRST)
                        .items())
                .isEmpty();
    }
}
