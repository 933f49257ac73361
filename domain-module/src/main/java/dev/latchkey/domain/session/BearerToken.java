package dev.latchkey.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An opaque bearer token: {@code lks_} + 256 random bits in base64url. The tokens are random enough that a plain
 * SHA-256 digest is a safe stored form (no salt or slow hash needed, unlike passwords).
 */
public final class BearerToken {
    private static final String PREFIX = "lks_";
    private static final int RANDOM_BYTES = 32;
    private static final int LENGTH = PREFIX.length() + 43;

    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    public static BearerToken generate(RandomGenerator random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new BearerToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static Optional<BearerToken> parse(String raw) {
        if (raw == null || raw.length() != LENGTH || !raw.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = raw.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                return Optional.empty();
            }
        }
        return Optional.of(new BearerToken(raw));
    }

    /** The hex SHA-256 of the token: what the database keeps. */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The token itself, for the sign-in response only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
