package dev.latchkey.api.plugins;

/** Two plugins claim the same id; the server refuses to start rather than pick one at random. */
public final class DuplicatePluginException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DuplicatePluginException(String id, String firstOrigin, String secondOrigin) {
        super("Two vault plugins have the id '" + id + "': " + firstOrigin + " and " + secondOrigin
                + "; remove one of them from the plugins directory");
    }
}
