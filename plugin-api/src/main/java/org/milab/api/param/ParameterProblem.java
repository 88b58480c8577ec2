package org.milab.api.param;

import java.util.Objects;

/**
 * One problem found while binding raw values to parameter declarations.
 *
 * @param parameter the parameter's name (declared or, for an unknown key, as written)
 * @param message   what is wrong and what was expected
 */
public record ParameterProblem(String parameter, String message) {

    /** Checks both parts are present. */
    public ParameterProblem {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }

    /** Where the problem is, as the host prints it: {@code parameter 'k'}. */
    public String where() {
        return "parameter '" + parameter + "'";
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
