package org.milab.api;

/** An estimator or training run failed on valid input (numerical breakdown, divergence). */
public class EstimationException extends MilabException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public EstimationException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public EstimationException(String message, Throwable cause) {
        super(message, cause);
    }
}
