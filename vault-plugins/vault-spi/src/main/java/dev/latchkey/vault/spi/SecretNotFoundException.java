package dev.latchkey.vault.spi;

import java.io.Serial;

/** An operation needed a secret version that does not exist (or no longer does). */
public final class SecretNotFoundException extends VaultException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final SecretPath path;
    private final long version;

    /**
     * @param path    the secret
     * @param version the missing version
     */
    public SecretNotFoundException(SecretPath path, long version) {
        super("Secret \"" + path + "\" has no version " + version + " that can be restored.");
        this.path = path;
        this.version = version;
    }

    /** The secret. */
    public SecretPath path() {
        return path;
    }

    /** The missing version. */
    public long version() {
        return version;
    }
}
