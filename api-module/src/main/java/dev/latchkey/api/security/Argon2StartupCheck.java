package dev.latchkey.api.security;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.latchkey.api.config.Argon2Parameters;
import dev.latchkey.api.config.LatchkeyConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * Hashes and verifies one random throwaway secret with the configured argon2id cost while the
 * application deploys.
 *
 * <p>argon2-jvm calls the native libargon2 through JNA; if that library cannot load on this
 * machine, the deployment fails here instead of on the first login. The logged duration tells an
 * operator what the configured cost means on their hardware.
 */
@Startup
@Singleton
public class Argon2StartupCheck { // not final: the EJB container subclasses its beans

    private static final Logger LOG = Logger.getLogger(Argon2StartupCheck.class.getName());

    @Inject
    private LatchkeyConfig config;

    @PostConstruct
    void hashOnce() {
        Argon2Parameters cost = config.argon2();
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            long start = System.nanoTime();
            String hash = argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), secret);
            long hashMillis = (System.nanoTime() - start) / 1_000_000;
            if (!argon2.verify(hash, secret)) {
                throw new IllegalStateException("argon2id did not verify its own hash");
            }
            LOG.info(() -> "argon2id works (m=%d KiB, t=%d, p=%d): one hash took %d ms"
                    .formatted(cost.memoryKib(), cost.iterations(), cost.parallelism(), hashMillis));
        } finally {
            argon2.wipeArray(secret);
        }
    }
}
