package dev.latchkey.vault.spi;

import java.io.Serial;

/**
 * A check-and-set write expected a current version that is no longer the current one: someone
 * else wrote first. The caller should read again and decide.
 */
public final class CheckAndSetConflictException extends VaultException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final SecretPath path;
    private final long expectedVersion;
    private final long currentVersion;

    /**
     * @param path            the secret
     * @param expectedVersion the version the writer expected (0 meaning "no version yet")
     * @param currentVersion  the version actually current (0 meaning "no version yet")
     */
    public CheckAndSetConflictException(SecretPath path, long expectedVersion, long currentVersion) {
        super("Secret \"" + path + "\" was changed by someone else: expected version " + expectedVersion
                + " but the current version is " + currentVersion + ". Read it again and retry.");
        this.path = path;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** The secret. */
    public SecretPath path() {
        return path;
    }

    /** The version the writer expected. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version that is current. */
    public long currentVersion() {
        return currentVersion;
    }
}
