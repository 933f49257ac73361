package dev.latchkey.vault.spi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of a secret, kept out of logs and wiped when closed.
 *
 * <p>{@link #toString()} prints {@code ***}, so a value that slips into a log line or an exception
 * message reveals nothing. {@link #close()} overwrites the bytes with zeros; any later access
 * fails. Every factory copies its input and every accessor returns a copy, so the owner of a
 * value decides alone when the bytes die. Equality is deliberately identity: compare contents with
 * {@link #contentEquals(SecretValue)}, which runs in constant time.
 */
public final class SecretValue implements AutoCloseable {

    private final byte[] bytes;
    private boolean closed;

    private SecretValue(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A value holding a copy of {@code bytes}.
     *
     * @param bytes the secret bytes; the caller may wipe its array afterwards
     * @return the value
     */
    public static SecretValue of(byte[] bytes) {
        return new SecretValue(bytes.clone());
    }

    /**
     * A value holding {@code text} encoded as UTF-8.
     *
     * @param text the secret text
     * @return the value
     */
    public static SecretValue ofUtf8(String text) {
        return new SecretValue(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A value that takes ownership of {@code bytes} without copying, for plugins that just
     * decrypted into a fresh array and would otherwise leave a second copy behind.
     *
     * @param bytes an array nobody else references
     * @return the value
     */
    public static SecretValue adopt(byte[] bytes) {
        return new SecretValue(Objects.requireNonNull(bytes, "bytes"));
    }

    /** A copy of the bytes; the caller should wipe it when done. */
    public synchronized byte[] bytes() {
        checkOpen();
        return bytes.clone();
    }

    /** The number of bytes. */
    public synchronized int length() {
        checkOpen();
        return bytes.length;
    }

    /**
     * The bytes decoded as UTF-8, when they are valid UTF-8.
     *
     * @return the text, or empty when the bytes are not UTF-8
     */
    public synchronized Optional<String> utf8() {
        checkOpen();
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    /**
     * Compares contents in time that does not depend on where they differ.
     *
     * @param other another value
     * @return true when both hold the same bytes
     */
    public boolean contentEquals(SecretValue other) {
        byte[] theirs = other.bytes();
        try {
            synchronized (this) {
                checkOpen();
                return MessageDigest.isEqual(bytes, theirs);
            }
        } finally {
            Arrays.fill(theirs, (byte) 0);
        }
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Overwrites the bytes with zeros. Idempotent. */
    @Override
    public synchronized void close() {
        Arrays.fill(bytes, (byte) 0);
        closed = true;
    }

    /** Always {@code ***}. */
    @Override
    public String toString() {
        return "***";
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("secret value already closed");
        }
    }
}
