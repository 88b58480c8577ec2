package org.milab.api;

/**
 * The data cannot be used as given (NaN or infinite values, too few rows for the method, a constant column where
 * the method needs variation). The message names the row, column or size and what was expected.
 */
public class InvalidDataException extends MilabException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public InvalidDataException(String message) {
        super(message);
    }
}
