package dev.latchkey.api.security;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.latchkey.api.config.Argon2Parameters;
import dev.latchkey.domain.shared.SecretHasher;

/**
 * argon2id through argon2-jvm (the reference C implementation via JNA). Verification is libargon2's own, which
 * compares in constant time; the char arrays handed to it are wiped afterwards.
 */
public final class Argon2SecretHasher implements SecretHasher {
    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final Argon2Parameters cost;

    public Argon2SecretHasher(Argon2Parameters cost) {
        this.cost = cost;
    }

    @Override
    public String hash(CharSequence secret) {
        char[] chars = toChars(secret);
        try {
            return argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(String encodedHash, CharSequence secret) {
        char[] chars = toChars(secret);
        try {
            return encodedHash.startsWith("$argon2id$") && argon2.verify(encodedHash, chars);
        } catch (RuntimeException malformedHash) {
            return false;
        } finally {
            argon2.wipeArray(chars);
        }
    }

    private static char[] toChars(CharSequence secret) {
        char[] chars = new char[secret.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = secret.charAt(i);
        }
        return chars;
    }
}
