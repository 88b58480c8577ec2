package org.milab.platform.store;

import org.milab.api.MilabException;

/**
 * The run store cannot be used: locked for too long, corrupt, of a newer schema version, or not a SQLite URL. The
 * message names the store and says what to do; the store file and every run folder are left untouched.
 */
public class StoreException extends MilabException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public StoreException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
