package dev.latchkey.vault.spi;

import java.io.Serial;

/**
 * A vault cannot store this secret as given, although the path is valid and storage is fine: for
 * example a dotenv file cannot hold bytes that are not text, or two paths would map to the same
 * variable name. The message says what the vault accepts, never the value itself.
 */
public final class UnsupportedSecretException extends VaultException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what the vault cannot store and what it accepts instead */
    public UnsupportedSecretException(String message) {
        super(message);
    }
}
