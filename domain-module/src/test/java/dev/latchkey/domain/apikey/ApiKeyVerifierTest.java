package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.InMemoryApiKeyRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiKeyVerifierTest {
    private final MutableClock clock = new MutableClock().advance(Duration.ofDays(1));
    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final User owner = People.admin();
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(owner);
    private final ApiKeyVerifier verifier = new ApiKeyVerifier(keys, users, hasher, clock);

    private TestKeys.Issued stored(boolean acknowledged) {
        TestKeys.Issued issued = TestKeys.issue(owner, hasher, acknowledged);
        keys.save(issued.key());
        return issued;
    }

    @Test
    void verifiesAnActiveKeyToItsFacts() {
        TestKeys.Issued issued = stored(true);

        assertThat(verifier.verify(issued.plaintext())).hasValueSatisfying(verified -> {
            assertThat(verified.id()).isEqualTo(issued.key().id());
            assertThat(verified.ownerId()).isEqualTo(owner.id());
            assertThat(verified.ownerEmail()).isEqualTo(owner.email().value());
            assertThat(verified.scopes()).isEqualTo(TestKeys.SCOPES);
            assertThat(verified.expiresAt()).isEqualTo(TestKeys.EXPIRES_AT);
        });
    }

    @Test
    void rejectsUnknownKey() {
        TestKeys.Issued neverStored = TestKeys.issue(owner, hasher, true);

        assertThat(verifier.verify(neverStored.plaintext())).isEmpty();
    }

    @Test
    void rejectsRightIdWithWrongSecret() {
        TestKeys.Issued issued = stored(true);

        assertThat(verifier.verify(TestKeys.sameIdOtherSecret(issued.plaintext())))
                .isEmpty();
    }

    @Test
    void rejectsPendingKey() {
        assertThat(verifier.verify(stored(false).plaintext())).isEmpty();
    }

    @Test
    void rejectsKeyFromItsExpiryOn() {
        TestKeys.Issued issued = stored(true);
        clock.setTo(TestKeys.EXPIRES_AT);

        assertThat(verifier.verify(issued.plaintext())).isEmpty();
    }

    @Test
    void rejectsRemovedKey() {
        TestKeys.Issued issued = stored(true);
        issued.key().remove(owner, clock.instant());
        keys.save(issued.key());

        assertThat(verifier.verify(issued.plaintext())).isEmpty();
    }

    @Test
    void rejectsKeyOfDemotedOrDisabledOrMissingOwner() {
        TestKeys.Issued issued = stored(true);
        assertThat(verifier.verify(issued.plaintext())).as("before").isPresent();

        users.save(owner.withRole(Role.WORKSPACE_USER));
        assertThat(verifier.verify(issued.plaintext())).as("demoted").isEmpty();
        users.save(owner.withDisabled(true));
        assertThat(verifier.verify(issued.plaintext())).as("disabled").isEmpty();

        InMemoryUserRepository nobody = new InMemoryUserRepository();
        assertThat(new ApiKeyVerifier(keys, nobody, hasher, clock).verify(issued.plaintext()))
                .as("missing")
                .isEmpty();
    }
}
