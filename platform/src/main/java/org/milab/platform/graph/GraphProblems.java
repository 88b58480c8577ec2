package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.List;
import org.milab.api.ConfigurationException;
import org.milab.api.Problem;

/** Collects located problems while reading or checking a graph, to report them all at once. */
final class GraphProblems {

    private final List<Problem> problems = new ArrayList<>();

    void add(SourcePosition at, String message) {
        problems.add(new Problem(at.toString(), message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link ConfigurationException} with every problem, if any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
