package org.milab.platform.cli;

import org.milab.api.ConfigurationException;
import org.milab.api.InvalidDataException;

/** The CLI's exit codes, in one place: 0 ok, 1 run failure, 2 invalid input (usage, file, graph, data). */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A run failed (an exception inside a plugin, a numerical breakdown). */
    public static final int RUN_FAILURE = 1;
    /** Invalid input: usage, unreadable or invalid file, unknown column, bad data, invalid graph. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }

    /** The exit code for an exception: invalid input anywhere in its cause chain gives 2, anything else 1. */
    public static int of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException || t instanceof InvalidDataException
                    || t instanceof picocli.CommandLine.ParameterException) {
                return INVALID_INPUT;
            }
        }
        return RUN_FAILURE;
    }
}
