package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.testing.RecordingCredentialCache;
import dev.latchkey.domain.workspace.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyExpiryServiceTest {
    private final MutableClock clock = new MutableClock();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final RecordingCredentialCache cache = new RecordingCredentialCache();
    private final KeyExpiryService service = new KeyExpiryService(keys, activities, cache, clock);
    private final User owner = People.admin();

    @Test
    void recordsEachExpiredKeyOnceAsTheSystem() {
        ApiKey key = TestKeys.active(owner);
        keys.save(key);
        clock.setTo(key.expiresAt());

        assertThat(service.recordExpired(10)).isEqualTo(1);
        assertThat(service.recordExpired(10)).isZero();

        Activity expired = activities.only(ActivityType.KEY_EXPIRED);
        assertThat(expired.subjectId()).isEqualTo(key.id().value());
        assertThat(expired.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(expired.details()).containsEntry("name", key.name().value());
    }

    @Test
    void leavesActivePendingAndRemovedKeysAlone() {
        ApiKey active = TestKeys.active(owner);
        ApiKey removed = TestKeys.active(owner);
        ApiKey pending = TestKeys.issue(owner, new dev.latchkey.domain.testing.FakeSecretHasher(), false)
                .key();
        keys.save(active);
        keys.save(pending);
        clock.setTo(active.expiresAt().minusSeconds(1));
        removed.remove(owner, clock.instant());
        keys.save(removed);
        clock.advance(Duration.ofSeconds(1));

        assertThat(service.recordExpired(10))
                .as("only the active key has expired")
                .isEqualTo(1);
        assertThat(activities.only(ActivityType.KEY_EXPIRED).subjectId())
                .isEqualTo(active.id().value());
    }

    @Test
    void honoursItsLimit() {
        keys.save(TestKeys.active(owner));
        keys.save(TestKeys.active(owner));
        clock.advance(Duration.ofDays(31));

        assertThat(service.recordExpired(1)).isEqualTo(1);
        assertThat(service.recordExpired(1)).isEqualTo(1);
        assertThat(service.recordExpired(1)).isZero();
    }
}
