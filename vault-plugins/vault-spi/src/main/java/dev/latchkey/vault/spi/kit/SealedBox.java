package dev.latchkey.vault.spi.kit;

import dev.latchkey.vault.spi.VaultUnavailableException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK, with a fresh random 96-bit nonce per message: {@link #seal} returns
 * {@code nonce || ciphertext || tag}. The associated data binds a ciphertext to where it belongs
 * (a path, a version), so ciphertexts cannot be swapped between entries unnoticed.
 *
 * <p>Random nonces are safe for far more messages than a vault writes under one key (NIST
 * SP 800-38D allows 2<sup>32</sup>). Thread-safe: a {@link Cipher} is created per call.
 */
public final class SealedBox {

    /** Key length in bytes. */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    private SealedBox(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * A box sealing with a 256-bit key.
     *
     * @param key    exactly {@value #KEY_BYTES} bytes; copied, so the caller may wipe its array
     * @param random the source of nonces
     * @return the box
     */
    public static SealedBox withKey(byte[] key, SecureRandom random) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length);
        }
        return new SealedBox(key, random);
    }

    /**
     * A fresh random key, for envelope encryption's data keys.
     *
     * @param random the source
     * @return {@value #KEY_BYTES} random bytes
     */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /**
     * Encrypts and authenticates.
     *
     * @param plaintext      the bytes to protect
     * @param associatedData authenticated but not encrypted context, such as the path
     * @return nonce, ciphertext and tag
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                    .put(nonce)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", unexpected);
        }
    }

    /**
     * Decrypts and verifies.
     *
     * @param sealed         the output of {@link #seal}
     * @param associatedData the same context given to {@link #seal}
     * @return the plaintext; the caller should wipe it when done
     * @throws VaultUnavailableException when the key is wrong or the data was altered
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new VaultUnavailableException("Stored data is truncated and cannot be decrypted.");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException wrongKeyOrTampered) {
            throw new VaultUnavailableException(
                    "Stored data cannot be decrypted: the encryption key is not the one it"
                            + " was written with, or the data was altered.",
                    wrongKeyOrTampered);
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", unexpected);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "SealedBox[AES-256-GCM]";
    }
}
