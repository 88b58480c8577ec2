package org.milab.api;

import java.util.Objects;

/**
 * One configuration problem: where it is (a file position, a parameter, a column; may be empty) and a plain
 * sentence saying what is wrong and what was expected.
 *
 * @param where   location, e.g. {@code quickstart.yaml:12:7} or {@code parameter 'k'}
 * @param message what is wrong and what was expected
 */
public record Problem(String where, String message) {

    /** Checks both parts are present. */
    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
