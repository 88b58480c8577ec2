package org.milab.platform.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of an experiment graph as written: the extension it uses, its raw parameters and its input wiring.
 *
 * @param id         node id (the key under {@code nodes:})
 * @param use        the extension reference, {@code name} or {@code plugin-id/name}
 * @param parameters raw parameter values by name, in file order
 * @param inputs     wiring by input port name
 * @param at         where the node is declared
 */
public record NodeSpec(String id, Located<String> use, Map<String, Located<Object>> parameters,
                       Map<String, PortRef> inputs, SourcePosition at) {

    /** Copies maps, keeping their order. */
    public NodeSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** This node with one parameter set (replacing any value), e.g. from {@code --set} or a sweep. */
    public NodeSpec withParameter(String name, Located<Object> value) {
        Map<String, Located<Object>> p = new LinkedHashMap<>(parameters);
        p.put(name, value);
        return new NodeSpec(id, use, p, inputs, at);
    }

    /** The raw parameter values without positions. */
    public Map<String, Object> rawParameters() {
        Map<String, Object> raw = new LinkedHashMap<>();
        parameters.forEach((k, v) -> raw.put(k, v.value()));
        return raw;
    }
}
