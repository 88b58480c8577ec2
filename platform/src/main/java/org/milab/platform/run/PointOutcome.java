package org.milab.platform.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one sweep point (the only point when there is no sweep).
 *
 * @param point   swept values ({@code node.param} to value)
 * @param nodes   node outcomes in execution order (those that finished, when the point failed)
 * @param failure why the point failed, when it did
 */
public record PointOutcome(Map<String, Object> point, List<NodeOutcome> nodes, Optional<RuntimeException> failure) {

    /** Copies the list. */
    public PointOutcome {
        nodes = List.copyOf(nodes);
    }

    /** A point that finished. */
    public PointOutcome(Map<String, Object> point, List<NodeOutcome> nodes) {
        this(point, nodes, Optional.empty());
    }

    /** Whether the point finished without error. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** The failure as one-screen text, when the point failed. */
    public Optional<String> error() {
        return failure.map(ErrorText::of);
    }
}
