package org.milab.platform.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as written: name, seed, nodes in file order, the outputs to keep, and an optional {@link Sweep}
 * (the graph running once per point).
 *
 * @param name    experiment name (used for the run folder)
 * @param seed    experiment seed; node seeds derive from it and the node id
 * @param nodes   nodes by id, in file order
 * @param outputs outputs to keep and show; empty means every estimate and analysis result
 * @param sweep   the sweep; {@link Sweep#none()} for one point
 * @param source  the file's text, kept verbatim in the run folder
 * @param file    the file name, for messages
 */
public record ExperimentGraph(String name, Located<Long> seed, Map<String, NodeSpec> nodes, List<PortRef> outputs,
                              Sweep sweep, String source, String file) {

    /** Copies collections, keeping their order. */
    public ExperimentGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        outputs = List.copyOf(outputs);
    }

    /** This graph with one node replaced. */
    public ExperimentGraph withNode(NodeSpec node) {
        Map<String, NodeSpec> n = new LinkedHashMap<>(nodes);
        n.put(node.id(), node);
        return new ExperimentGraph(name, seed, n, outputs, sweep, source, file);
    }

    /** This graph with another seed. */
    public ExperimentGraph withSeed(Located<Long> newSeed) {
        return new ExperimentGraph(name, newSeed, nodes, outputs, sweep, source, file);
    }

    /** This graph with the sweep replaced. */
    public ExperimentGraph withSweep(Sweep newSweep) {
        return new ExperimentGraph(name, seed, nodes, outputs, newSweep, source, file);
    }
}
