package org.milab.api.param;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Raw values did not bind to their declarations; carries every problem found, in the order found. Thrown by
 * {@link ParameterValues#bind}; the host reports the same problems as a {@code ConfigurationException} (see
 * {@code ExtensionInfo.bind}), so this package needs nothing from {@code org.milab.api}.
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterProblem> problems;

    /** From a non-empty list of problems. */
    public ParameterException(List<ParameterProblem> problems) {
        super(problems.stream().map(ParameterProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ParameterException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<ParameterProblem> problems() {
        return problems;
    }
}
