package dev.latchkey.domain.session;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.ClientAddress;
import dev.latchkey.domain.shared.CredentialThrottle;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.workspace.Email;
import dev.latchkey.domain.workspace.User;
import dev.latchkey.domain.workspace.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Signs people in and out and resolves bearer tokens to the people behind them. */
public final class SessionService {
    /** How long a bearer token works. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final SecretHasher hasher;
    private final ActivityLog activities;
    private final Clock clock;
    private final RandomGenerator random;
    /** Failed sign-ins per address, per email and address, and per email: see {@link CredentialThrottle}. */
    private final CredentialThrottle<Email> failedSignIns;

    private volatile String decoyHash;

    public SessionService(
            UserRepository users,
            SessionRepository sessions,
            SecretHasher hasher,
            ActivityLog activities,
            Clock clock,
            RandomGenerator random) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.activities = activities;
        this.clock = clock;
        this.random = random;
        this.failedSignIns = new CredentialThrottle<>(clock, "sign-ins");
    }

    /** A new session's token, shown once, and when it ends. */
    public record SignedIn(User user, BearerToken token, Instant expiresAt) {}

    /**
     * Checks email and password sent from {@code from}. Throttling ({@link CredentialThrottle}) comes first and costs
     * no hashing. A malformed email costs no hash either: that it cannot be an account is no secret. An unknown but
     * well-formed email costs the same hash as a known one, so response times do not tell which emails exist.
     */
    public SignedIn signIn(String email, String password, ClientAddress from) {
        Instant now = clock.instant();
        Optional<Email> subject = parseEmail(email);
        User user;
        try (CredentialThrottle<Email>.Attempt attempt = failedSignIns.begin(from, subject)) {
            String candidate = password == null ? "" : password;
            if (subject.isEmpty()) {
                attempt.failed();
                throw failed(now, email, "unknown");
            }
            Optional<User> found = users.findByEmail(subject.get());
            if (found.isEmpty()) {
                hasher.verify(decoyHash(), candidate);
                attempt.failed();
                throw failed(now, email, "unknown");
            }
            if (!hasher.verify(found.get().passwordHash(), candidate)
                    || found.get().disabled()) {
                attempt.failed();
                throw failed(now, email, found.get().id().value());
            }
            user = found.get();
        }
        BearerToken token = BearerToken.generate(random);
        Session session = new Session(token.digest(), user.id(), now, now.plus(LIFETIME));
        sessions.save(session);
        activities.record(Activity.of(
                ActivityType.SIGNED_IN, now, Actor.of(user), "user", user.id().value(), Map.of()));
        return new SignedIn(user, token, session.expiresAt());
    }

    /** The enabled person behind a token that has not expired. */
    public Optional<User> authenticate(BearerToken token) {
        Instant now = clock.instant();
        return sessions.findByDigest(token.digest())
                .filter(session -> session.isValidAt(now))
                .flatMap(session -> users.findById(session.userId()))
                .filter(user -> !user.disabled());
    }

    public void signOut(User user, BearerToken token) {
        sessions.delete(token.digest());
        activities.record(Activity.of(
                ActivityType.SIGNED_OUT,
                clock.instant(),
                Actor.of(user),
                "user",
                user.id().value(),
                Map.of()));
    }

    private SignInFailedException failed(Instant now, String email, String subjectId) {
        activities.record(Activity.of(
                ActivityType.SIGN_IN_FAILED,
                now,
                Actor.anonymous(parseEmail(email).map(Email::value).orElse("(not an email address)")),
                "user",
                subjectId,
                Map.of()));
        return new SignInFailedException();
    }

    private static Optional<Email> parseEmail(String email) {
        try {
            return Optional.of(Email.parse(email, "email"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash("latchkey-decoy-password");
            decoyHash = hash;
        }
        return hash;
    }
}
