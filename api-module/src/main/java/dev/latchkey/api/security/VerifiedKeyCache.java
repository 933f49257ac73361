package dev.latchkey.api.security;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.CredentialCache;
import dev.latchkey.domain.apikey.PlaintextApiKey;
import dev.latchkey.domain.apikey.VerifiedKey;
import dev.latchkey.domain.workspace.UserId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers keys that passed argon2id verification, so that repeat requests cost one HMAC instead of one hash.
 * Entries are keyed by HMAC-SHA-256 of the whole key under a secret drawn at start-up (never the key itself), live at
 * most {@link #TIME_TO_LIVE}, and are evicted in the request that removes a key, changes its scopes or changes its
 * owner — once at once and once more after that request's transaction ends, so a verification racing with the change
 * cannot put a stale entry back.
 */
@ApplicationScoped
public class VerifiedKeyCache implements CredentialCache {
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(VerifiedKey key, Instant cachedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every eviction; a verification that started before an eviction does not cache its result. */
    private final AtomicLong generation = new AtomicLong();

    private final ThreadLocal<Mac> macs;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public VerifiedKeyCache() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JDK has HmacSHA256", e);
            }
        });
    }

    /** The generation to pass to {@link #put}; read it before the verification starts. */
    public long generation() {
        return generation.get();
    }

    /** The cache key of a presented key: HMAC-SHA-256 under the start-up secret, computed once per request. */
    public record Fingerprint(String value) {}

    public Fingerprint fingerprint(PlaintextApiKey key) {
        byte[] digest = macs.get().doFinal(key.reveal().getBytes(StandardCharsets.US_ASCII));
        return new Fingerprint(Base64.getEncoder().encodeToString(digest));
    }

    public Optional<VerifiedKey> get(Fingerprint key) {
        String fingerprint = key.value();
        Entry entry = entries.get(fingerprint);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.cachedAt().plus(TIME_TO_LIVE))) {
            entries.remove(fingerprint, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    public void put(long observedGeneration, Fingerprint key, VerifiedKey verified) {
        if (entries.size() >= MAX_ENTRIES) {
            // A flood of distinct valid keys is not a workload worth optimising; start over rather than grow.
            entries.clear();
        }
        String fingerprint = key.value();
        entries.put(fingerprint, new Entry(verified, clock.instant()));
        if (generation.get() != observedGeneration) {
            entries.remove(fingerprint);
        }
    }

    @Override
    public void evictKey(ApiKeyId id) {
        evictNowAndAfterCommit(entry -> entry.key().id().equals(id));
    }

    @Override
    public void evictOwner(UserId owner) {
        evictNowAndAfterCommit(entry -> entry.key().ownerId().equals(owner));
    }

    private void evictNowAndAfterCommit(Predicate<Entry> stale) {
        evict(stale);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    evict(stale);
                }
            });
        }
    }

    private void evict(Predicate<Entry> stale) {
        generation.incrementAndGet();
        entries.values().removeIf(stale);
    }
}
