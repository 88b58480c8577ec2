package org.milab.api;

import java.util.List;
import java.util.stream.Collectors;
import org.milab.api.param.ParameterException;

/**
 * Invalid configuration (parameters, graph, command line), reported with every problem at once.
 */
public class ConfigurationException extends MilabException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** From a non-empty list of problems. */
    public ConfigurationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public ConfigurationException(String where, String message) {
        this(List.of(new Problem(where, message)));
    }

    /**
     * The problems of a failed parameter binding, each located at {@code parameter 'name'}, with the binding
     * failure as cause.
     *
     * @since 1.1.0
     */
    public static ConfigurationException of(ParameterException failure) {
        ConfigurationException e = new ConfigurationException(failure.problems().stream()
                .map(p -> new Problem(p.where(), p.message())).toList());
        e.initCause(failure);
        return e;
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
