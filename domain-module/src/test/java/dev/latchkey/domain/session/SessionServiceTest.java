package dev.latchkey.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.shared.ClientAddress;
import dev.latchkey.domain.shared.CredentialThrottle;
import dev.latchkey.domain.shared.TooManyAttemptsException;
import dev.latchkey.domain.testing.FakeSecretHasher;
import dev.latchkey.domain.testing.InMemorySessionRepository;
import dev.latchkey.domain.testing.InMemoryUserRepository;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.testing.People;
import dev.latchkey.domain.testing.RecordingActivityLog;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionServiceTest {
    private final MutableClock clock = new MutableClock();
    private final FakeSecretHasher hasher = new FakeSecretHasher();
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final RecordingActivityLog activities = new RecordingActivityLog();
    private final User ada = People.person("ada", Role.WORKSPACE_ADMIN, hasher.hash(People.PASSWORD));
    private final User gone = People.person("gone", Role.WORKSPACE_ADMIN, hasher.hash(People.PASSWORD))
            .withDisabled(true);
    private final InMemoryUserRepository users = new InMemoryUserRepository().with(ada, gone);
    private static final ClientAddress HOME = new ClientAddress("192.0.2.10");
    private static final ClientAddress ATTACKER = new ClientAddress("203.0.113.66");

    private final SessionService service =
            new SessionService(users, sessions, hasher, activities, clock, new SplittableRandom(9));

    @Test
    void signInWithTheRightPasswordIssuesATokenForOneHour() {
        SessionService.SignedIn signedIn = service.signIn(ada.email().value().toUpperCase(), People.PASSWORD, HOME);

        assertThat(signedIn.user()).isEqualTo(ada);
        assertThat(signedIn.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(service.authenticate(signedIn.token())).contains(ada);
        assertThat(activities.only(ActivityType.SIGNED_IN).subjectId())
                .isEqualTo(ada.id().value());
    }

    @Test
    void tenFailedSignInsForOneEmailFromOneAddressRefuseThatPairUntilAMinutePasses() {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> service.signIn(ada.email().value(), "wrong password here", ATTACKER))
                    .isInstanceOf(SignInFailedException.class);
        }
        int hashes = hasher.verifications();

        assertThatThrownBy(() -> service.signIn(ada.email().value().toUpperCase(), People.PASSWORD, ATTACKER))
                .isInstanceOf(TooManyAttemptsException.class)
                .satisfies(e ->
                        assertThat(((TooManyAttemptsException) e).retryAfter()).isPositive());
        assertThat(hasher.verifications()).as("refused before hashing").isEqualTo(hashes);
        assertThatThrownBy(() -> service.signIn("someone-else@example.com", "wrong password here", ATTACKER))
                .as("another email from the same address is still checked")
                .isInstanceOf(SignInFailedException.class);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(service.signIn(ada.email().value(), People.PASSWORD, ATTACKER)
                        .user())
                .isEqualTo(ada);
    }

    @Test
    void anotherAddressesFailuresNeverLockOutTheRightPassword() {
        for (int attempt = 0; attempt < 10; attempt++) {
            catchThrowableOfType(
                    SignInFailedException.class,
                    () -> service.signIn(ada.email().value(), "wrong password here", ATTACKER));
        }

        assertThat(service.signIn(ada.email().value(), People.PASSWORD, HOME).user())
                .isEqualTo(ada);
    }

    @Test
    void anAccountUnderAttackFromManyAddressesGivesEachOneGuessAMinuteButStillLetsTheOwnerIn() {
        for (int address = 0; address < CredentialThrottle.ACCOUNT_UNDER_ATTACK; address++) {
            ClientAddress bot = new ClientAddress("198.51.100." + address);
            catchThrowableOfType(
                    SignInFailedException.class,
                    () -> service.signIn(ada.email().value(), "wrong password here", bot));
        }

        assertThatThrownBy(
                        () -> service.signIn(ada.email().value(), "another guess", new ClientAddress("198.51.100.7")))
                .as("a second guess from an address that already failed")
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> service.signIn(ada.email().value(), "a guess", new ClientAddress("198.51.100.250")))
                .as("a first guess from a new address is still checked")
                .isInstanceOf(SignInFailedException.class);
        assertThat(service.signIn(ada.email().value(), People.PASSWORD, HOME).user())
                .isEqualTo(ada);
    }

    @Test
    void oneAddressIsRefusedAfterThirtyFailuresWhateverTheEmailsAndSpendsNoMoreHashes() {
        for (int attempt = 0; attempt < CredentialThrottle.PER_ADDRESS; attempt++) {
            String email = attempt % 2 == 0 ? "rotating-" + attempt + "@example.com" : "not an email " + attempt;
            catchThrowableOfType(SignInFailedException.class, () -> service.signIn(email, "guess", ATTACKER));
        }
        int hashes = hasher.verifications();

        assertThatThrownBy(() -> service.signIn("fresh@example.com", "guess", ATTACKER))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> service.signIn(ada.email().value(), People.PASSWORD, ATTACKER))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(hasher.verifications()).isEqualTo(hashes);
        assertThat(service.signIn(ada.email().value(), People.PASSWORD, HOME).user())
                .isEqualTo(ada);
    }

    @Test
    void tokenWorksUntilJustBeforeTheHourAndNotAtIt() {
        BearerToken token =
                service.signIn(ada.email().value(), People.PASSWORD, HOME).token();

        clock.advance(SessionService.LIFETIME.minusMillis(1));
        assertThat(service.authenticate(token)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(service.authenticate(token)).isEmpty();
    }

    /** {@code ada} and {@code gone} stand for those people's emails; anything else is used as typed. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            value = {
                "ada,                  wrong password here",
                "nobody@example.com,   correct horse battery staple",
                "gone,                 correct horse battery staple",
                "not an email,         correct horse battery staple",
                "ada,                  ''"
            },
            quoteCharacter = '\'')
    void everyFailureLooksTheSame(String who, String password) {
        String email = switch (who) {
            case "ada" -> ada.email().value();
            case "gone" -> gone.email().value();
            default -> who;
        };

        SignInFailedException failed =
                catchThrowableOfType(SignInFailedException.class, () -> service.signIn(email, password, HOME));

        assertThat(failed.code()).isEqualTo("invalid_credentials");
        assertThat(failed.getMessage()).isEqualTo("the email or password is wrong");
        assertThat(sessions.all()).isEmpty();
        assertThat(activities.only(ActivityType.SIGN_IN_FAILED).toString()).doesNotContain(People.PASSWORD);
    }

    @Test
    void unknownEmailStillSpendsAHash() {
        int before = hasher.verifications();

        catchThrowableOfType(
                SignInFailedException.class, () -> service.signIn("nobody@example.com", People.PASSWORD, HOME));

        assertThat(hasher.verifications()).isEqualTo(before + 1);
    }

    @Test
    void malformedEmailSpendsNoHash() {
        int before = hasher.verifications();

        catchThrowableOfType(SignInFailedException.class, () -> service.signIn("not an email", People.PASSWORD, HOME));

        assertThat(hasher.verifications()).isEqualTo(before);
    }

    @Test
    void nullCredentialsFailLikeAnyOther() {
        assertThat(catchThrowableOfType(SignInFailedException.class, () -> service.signIn(null, null, HOME))
                        .code())
                .isEqualTo("invalid_credentials");
    }

    @Test
    void storesOnlyTheDigestOfTheToken() {
        BearerToken token =
                service.signIn(ada.email().value(), People.PASSWORD, HOME).token();

        assertThat(sessions.all()).singleElement().satisfies(session -> {
            assertThat(session.tokenDigest()).isEqualTo(sha256Hex(token.reveal()));
            assertThat(session.toString())
                    .doesNotContain(token.reveal())
                    .doesNotContain(token.reveal().substring(4));
        });
    }

    @Test
    void disablingAPersonEndsTheirSessions() {
        BearerToken token =
                service.signIn(ada.email().value(), People.PASSWORD, HOME).token();

        users.save(ada.withDisabled(true));

        assertThat(service.authenticate(token)).isEmpty();
    }

    @Test
    void signOutEndsTheSession() {
        BearerToken token =
                service.signIn(ada.email().value(), People.PASSWORD, HOME).token();

        service.signOut(ada, token);

        assertThat(service.authenticate(token)).isEmpty();
        assertThat(activities.types()).containsExactly(ActivityType.SIGNED_IN, ActivityType.SIGNED_OUT);
    }

    @Test
    void tokenParsesBackAndPrintsMasked() {
        BearerToken token = BearerToken.generate(new SplittableRandom(1));

        assertThat(token.reveal()).startsWith("lks_").hasSize(47);
        assertThat(BearerToken.parse(token.reveal()))
                .hasValueSatisfying(parsed -> assertThat(parsed.digest()).isEqualTo(token.digest()));
        assertThat(token.toString()).isEqualTo("lks_***");
    }

    @Test
    void malformedTokensDoNotParse() {
        String good = BearerToken.generate(new SplittableRandom(1)).reveal();

        assertThat(BearerToken.parse(null)).isEmpty();
        assertThat(BearerToken.parse(good.substring(1))).isEmpty();
        assertThat(BearerToken.parse("lkx_" + good.substring(4))).isEmpty();
        assertThat(BearerToken.parse(good.substring(0, 46) + "=")).isEmpty();
        assertThat(BearerToken.parse(good.substring(0, 46) + "é")).isEmpty();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
