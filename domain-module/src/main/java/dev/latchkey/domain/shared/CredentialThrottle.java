package dev.latchkey.domain.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, before any hashing, whether a credential check (a password for an account, a secret for
 * a key id) may run, following OWASP's authentication guidance: failures are counted per client
 * address and per account, and a stranger's failures never lock out a correct credential sent from
 * another address.
 *
 * <ul>
 *   <li>An address with {@value #PER_ADDRESS} failures in a minute is refused for everything, whatever
 *       the account (malformed or unknown ones included): one address cannot guess widely.</li>
 *   <li>An (account, address) pair with {@value #PER_PAIR} failures in a minute is refused for that
 *       account only: one address cannot guess deeply.</li>
 *   <li>An account with {@value #ACCOUNT_UNDER_ATTACK} failures in a minute from all addresses is under
 *       attack: then an address that has already failed on it in that minute is refused, so each
 *       attacking address gets one guess a minute, while an address without failures, such as the
 *       real owner's, is still checked.</li>
 * </ul>
 *
 * Every table is bounded ({@link FailedAttemptLimiter}), so no flood of invented accounts or
 * addresses can grow memory. An attempt is counted as failed when it {@link #begin begins}, in one step
 * with the check, and withdrawn if it turns out right: otherwise a burst of parallel guesses would all
 * pass the check while the first ones were still being hashed.
 *
 * @param <A> what identifies the account: an email, a key id
 */
public final class CredentialThrottle<A> {
    public static final int PER_ADDRESS = 30;
    public static final int PER_PAIR = FailedAttemptLimiter.MAX_FAILURES;
    public static final int ACCOUNT_UNDER_ATTACK = 50;
    static final int CAPACITY = 10_000;

    private record Pair<A>(A account, ClientAddress address) {}

    private final String attempts;
    private final FailedAttemptLimiter<ClientAddress> perAddress;
    private final FailedAttemptLimiter<Pair<A>> perPair;
    private final FailedAttemptLimiter<A> perAccount;

    /** {@code attempts} names what is counted in the refusal, such as "sign-ins". */
    public CredentialThrottle(Clock clock, String attempts) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        Duration window = FailedAttemptLimiter.WINDOW;
        this.perAddress = new FailedAttemptLimiter<>(clock, PER_ADDRESS, window, CAPACITY);
        this.perPair = new FailedAttemptLimiter<>(clock, PER_PAIR, window, CAPACITY);
        this.perAccount = new FailedAttemptLimiter<>(clock, ACCOUNT_UNDER_ATTACK, window, CAPACITY);
    }

    /**
     * Refuses the attempt with {@link TooManyAttemptsException} if it must not be checked now; an
     * empty account is one that cannot exist (a malformed email), which only the address limit covers.
     */
    private void check(ClientAddress from, Optional<A> account) {
        Optional<Duration> wait = perAddress.retryAfter(from);
        if (wait.isPresent()) {
            throw refused("from this address", wait.get());
        }
        if (account.isEmpty()) {
            return;
        }
        Pair<A> pair = new Pair<>(account.get(), from);
        wait = perPair.retryAfter(pair);
        if (wait.isPresent()) {
            throw refused("for this account from this address", wait.get());
        }
        if (perAccount.retryAfter(account.get()).isPresent() && perPair.recentFailures(pair) > 0) {
            throw refused(
                    "for this account, which is under attack, from this address", perPair.untilOldestAgesOut(pair));
        }
    }

    /**
     * Checks the attempt and, in the same step, counts it as failed: it stays counted unless it is
     * {@link Attempt#close closed} without {@link Attempt#failed}, as a correct credential's attempt
     * is, or one cut short for another reason (the server too busy to hash).
     */
    public Attempt begin(ClientAddress from, Optional<A> account) {
        synchronized (this) {
            check(from, account);
            // One instant for all three tables, so that close() withdraws exactly what was counted.
            Instant at = perAddress.recordFailure(from);
            account.ifPresent(a -> {
                perPair.recordFailure(new Pair<>(a, from), at);
                perAccount.recordFailure(a, at);
            });
            return new Attempt(from, account, at);
        }
    }

    /** One credential check in flight; close it when the answer is known (try-with-resources). */
    public final class Attempt implements AutoCloseable {
        private final ClientAddress from;
        private final Optional<A> account;
        private final Instant at;
        private boolean failed;

        private Attempt(ClientAddress from, Optional<A> account, Instant at) {
            this.from = from;
            this.account = account;
            this.at = at;
        }

        /** The credential was wrong (or cannot exist): the attempt stays counted. */
        public void failed() {
            failed = true;
        }

        @Override
        public void close() {
            if (failed) {
                return;
            }
            perAddress.forget(from, at);
            account.ifPresent(a -> {
                perPair.forget(new Pair<>(a, from), at);
                perAccount.forget(a, at);
            });
        }
    }

    private TooManyAttemptsException refused(String scope, Duration wait) {
        return new TooManyAttemptsException(
                "too many failed " + attempts + " " + scope + "; wait before trying again", wait);
    }
}
