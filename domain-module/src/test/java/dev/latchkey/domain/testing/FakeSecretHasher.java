package dev.latchkey.domain.testing;

import dev.latchkey.domain.shared.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * TEST FAKE, not a password hash: salted SHA-256, fast enough for thousands of calls per test run where argon2id
 * would take seconds. It keeps the port's contract (a fresh salt per hash, constant-time comparison, false for a
 * malformed hash) and counts verifications, so tests can see that a code path spent a hash.
 */
public final class FakeSecretHasher implements SecretHasher {
    private static final String PREFIX = "fake-sha256$";

    private final SplittableRandom salts = new SplittableRandom(7);
    private int verifications;

    @Override
    public String hash(CharSequence secret) {
        byte[] salt = new byte[16];
        salts.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + base64.encodeToString(salt) + "$" + base64.encodeToString(digest(salt, secret));
    }

    @Override
    public boolean verify(String encodedHash, CharSequence secret) {
        verifications++;
        if (encodedHash == null || secret == null || !encodedHash.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = encodedHash.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(expected, digest(salt, secret));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** How many times {@link #verify} ran, whatever it answered. */
    public int verifications() {
        return verifications;
    }

    private static byte[] digest(byte[] salt, CharSequence secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(secret.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
