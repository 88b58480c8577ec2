package org.milab.platform.csv;

import java.io.IOException;

/** A file that breaks the CSV syntax (an unclosed quote, text after a closing quote), with the line it is on. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** At {@code line} (1-based), saying what is wrong. */
    public CsvFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
