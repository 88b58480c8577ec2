package org.milab.api;

/** Root of milab's small unchecked exception hierarchy. Messages are plain sentences that say how to fix things. */
public class MilabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public MilabException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public MilabException(String message, Throwable cause) {
        super(message, cause);
    }
}
