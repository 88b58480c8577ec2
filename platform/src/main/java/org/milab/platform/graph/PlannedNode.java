package org.milab.platform.graph;

import java.util.Map;
import org.milab.api.param.ParameterValues;
import org.milab.platform.plugins.ExtensionHandle;

/**
 * A validated node, ready to run.
 *
 * @param spec           the node as written
 * @param extension      the resolved extension
 * @param kind           how it runs
 * @param parameters     the extension's validated parameters
 * @param hostParameters the host's validated parameters for this kind
 */
public record PlannedNode(NodeSpec spec, ExtensionHandle extension, NodeKind kind, ParameterValues parameters,
                          ParameterValues hostParameters) {

    /** The node id. */
    public String id() {
        return spec.id();
    }

    /** Wiring by input port. */
    public Map<String, PortRef> inputs() {
        return spec.inputs();
    }
}
