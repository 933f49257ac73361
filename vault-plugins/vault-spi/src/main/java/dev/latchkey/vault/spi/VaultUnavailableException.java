package dev.latchkey.vault.spi;

import java.io.Serial;

/**
 * The storage behind a vault cannot be used right now (disk, database, corrupt or undecryptable
 * data). Retrying may help once an operator fixes the cause the message names.
 */
public final class VaultUnavailableException extends VaultException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what an operator can check */
    public VaultUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what an operator can check
     * @param cause   the underlying I/O or database failure
     */
    public VaultUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
