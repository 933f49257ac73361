package dev.latchkey.domain.shared;

/**
 * Port for a slow, salted one-way hash (argon2id in production) used for API keys and passwords. Implementations
 * compare in constant time and never log what they are given.
 */
public interface SecretHasher {
    /** Returns an encoded hash that carries its own salt and cost parameters. */
    String hash(CharSequence secret);

    /** Whether {@code secret} matches {@code encodedHash}; false, never an exception, for a malformed hash. */
    boolean verify(String encodedHash, CharSequence secret);
}
