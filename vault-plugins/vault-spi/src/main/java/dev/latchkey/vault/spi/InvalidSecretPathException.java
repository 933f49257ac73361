package dev.latchkey.vault.spi;

import java.io.Serial;

/**
 * A secret path broke one of the rules of {@link SecretPath}, or cannot be stored by a plugin.
 *
 * <p>Paths are not secret, so the message quotes the path (with control characters escaped).
 */
public final class InvalidSecretPathException extends VaultException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param path   the rejected text
     * @param reason the broken rule in the user's words
     */
    public InvalidSecretPathException(String path, String reason) {
        super("Invalid secret path \"" + printable(path) + "\": " + reason + ".");
        this.reason = reason;
    }

    /** The broken rule, without the path. */
    public String reason() {
        return reason;
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(SecretPath.MAX_LENGTH).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
