package org.milab.platform.share;

import org.milab.api.InvalidDataException;

/**
 * A plugin archive, repository, signature or key that cannot be accepted, in one sentence naming the plugin, the
 * file and the reason. It is invalid input to milab (exit code 2): nothing was installed or changed.
 */
public class ShareException extends InvalidDataException {

    private static final long serialVersionUID = 1L;

    /** An error whose message already names the plugin, file and reason. */
    public ShareException(String message) {
        super(message);
    }

    /** An I/O failure in words: its message, or its kind when it has none (a refused connection, say). */
    static String describe(java.io.IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** An error about {@code what} (a plugin, file or URL): {@code "what: reason"}. */
    public static ShareException of(Object what, String reason) {
        return new ShareException(what + ": " + reason);
    }
}
