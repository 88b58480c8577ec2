package org.milab.platform.graph;

import java.util.List;
import java.util.Map;

/**
 * One fully validated graph instance (one sweep point), nodes in an order where every node follows its inputs.
 *
 * @param graph  the graph with the sweep point's values applied
 * @param point  the swept values of this instance ({@code node.param} to value), empty without a sweep
 * @param nodes  nodes in execution order
 */
public record Plan(ExperimentGraph graph, Map<String, Object> point, List<PlannedNode> nodes) {

    /** Copies. */
    public Plan {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
        nodes = List.copyOf(nodes);
    }
}
