package dev.latchkey.vault.spi;

import java.io.Serial;

/**
 * An expected failure of a vault operation, with a message in the user's words.
 *
 * <p>Unchecked so that storage calls compose in lambdas; every subclass is documented on the
 * methods that throw it. Messages and causes must never carry a secret value: the platform shows
 * them to users and writes them to logs.
 */
public abstract sealed class VaultException extends RuntimeException
        permits CheckAndSetConflictException,
                InvalidSecretPathException,
                SecretNotFoundException,
                VaultUnavailableException,
                UnsupportedSecretException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and, where possible, what to do */
    protected VaultException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where possible, what to do
     * @param cause   the underlying failure, which must not mention secret values
     */
    protected VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
