package dev.latchkey.api.security;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.latchkey.api.config.Argon2Parameters;
import dev.latchkey.domain.shared.CapacityExceededException;
import dev.latchkey.domain.shared.SecretHasher;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * argon2id through argon2-jvm (the reference C implementation via JNA). Verification is libargon2's own, which
 * compares in constant time; the char arrays handed to it are wiped afterwards.
 *
 * <p>A bulkhead bounds the work: at most one hash or verification per core runs at a time (each takes a core for
 * ≈30 ms and 19 MiB), and a caller that cannot get a turn within {@link #QUEUE_WAIT} gets
 * {@link CapacityExceededException} (503 with Retry-After) instead of piling more onto the CPU and the heap.
 */
public final class Argon2SecretHasher implements SecretHasher {
    /** How long a request waits for a turn: long enough to ride out a burst of honest sign-ins and key checks. */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(2);

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final Argon2Parameters cost;
    private final Semaphore turns;
    private final Duration queueWait;

    /** One turn per available core. */
    public Argon2SecretHasher(Argon2Parameters cost) {
        this(cost, Runtime.getRuntime().availableProcessors(), QUEUE_WAIT);
    }

    Argon2SecretHasher(Argon2Parameters cost, int concurrentHashes, Duration queueWait) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("concurrentHashes must be positive");
        }
        this.cost = cost;
        this.turns = new Semaphore(concurrentHashes, true);
        this.queueWait = queueWait;
    }

    @Override
    public String hash(CharSequence secret) {
        return inTurn(() -> {
            char[] chars = toChars(secret);
            try {
                return argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), chars);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    @Override
    public boolean verify(String encodedHash, CharSequence secret) {
        if (!encodedHash.startsWith("$argon2id$")) {
            return false;
        }
        return inTurn(() -> {
            char[] chars = toChars(secret);
            try {
                return argon2.verify(encodedHash, chars);
            } catch (RuntimeException malformedHash) {
                return false;
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    /** Runs {@code work} in one of the turns; package-private so a test can hold a turn. */
    <T> T inTurn(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private static CapacityExceededException busy() {
        return new CapacityExceededException(
                "the server is busy checking other credentials; try again in a moment", RETRY_AFTER);
    }

    private static char[] toChars(CharSequence secret) {
        char[] chars = new char[secret.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = secret.charAt(i);
        }
        return chars;
    }
}
