package dev.latchkey.domain.session;

import dev.latchkey.domain.audit.Activity;
import dev.latchkey.domain.audit.ActivityLog;
import dev.latchkey.domain.audit.ActivityType;
import dev.latchkey.domain.audit.Actor;
import dev.latchkey.domain.shared.FailedAttemptLimiter;
import dev.latchkey.domain.shared.SecretHasher;
import dev.latchkey.domain.shared.TooManyAttemptsException;
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
    /** Failed sign-ins per email, so a password cannot be guessed faster than 10 tries a minute. */
    private final FailedAttemptLimiter<String> failedSignIns;
    private volatile String decoyHash;

    public SessionService(UserRepository users, SessionRepository sessions, SecretHasher hasher, ActivityLog activities,
            Clock clock, RandomGenerator random) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.activities = activities;
        this.clock = clock;
        this.random = random;
        this.failedSignIns = new FailedAttemptLimiter<>(clock);
    }

    /** A new session's token, shown once, and when it ends. */
    public record SignedIn(User user, BearerToken token, Instant expiresAt) {}

    /**
     * Checks email and password. An unknown email costs the same hash as a known one, so response times do not tell
     * which emails exist; after 10 failures for one email within a minute, further tries are refused unhashed.
     */
    public SignedIn signIn(String email, String password) {
        Instant now = clock.instant();
        // Only well-formed emails are counted: they are the only ones an account can have, so guessing at anything
        // else protects nothing and would let junk requests fill the table.
        Optional<Email> subject = parseEmail(email);
        subject.flatMap(e -> failedSignIns.retryAfter(e.value())).ifPresent(wait -> {
            throw new TooManyAttemptsException("too many failed sign-ins for this email; wait before trying again",
                    wait);
        });
        Optional<User> user = subject.flatMap(users::findByEmail);
        String candidate = password == null ? "" : password;
        if (user.isEmpty()) {
            hasher.verify(decoyHash(), candidate);
            subject.ifPresent(e -> failedSignIns.recordFailure(e.value()));
            throw failed(now, email, "unknown");
        }
        if (!hasher.verify(user.get().passwordHash(), candidate) || user.get().disabled()) {
            failedSignIns.recordFailure(user.get().email().value());
            throw failed(now, email, user.get().id().value());
        }
        BearerToken token = BearerToken.generate(random);
        Session session = new Session(token.digest(), user.get().id(), now, now.plus(LIFETIME));
        sessions.save(session);
        activities.record(Activity.of(ActivityType.SIGNED_IN, now, Actor.of(user.get()), "user",
                user.get().id().value(), Map.of()));
        return new SignedIn(user.get(), token, session.expiresAt());
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
        activities.record(Activity.of(ActivityType.SIGNED_OUT, clock.instant(), Actor.of(user), "user",
                user.id().value(), Map.of()));
    }

    private SignInFailedException failed(Instant now, String email, String subjectId) {
        activities.record(Activity.of(ActivityType.SIGN_IN_FAILED, now, Actor.anonymous(parseEmail(email).map(Email::value).orElse("(not an email address)")), "user",
                subjectId, Map.of()));
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
