package org.milab.platform.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.milab.platform.plugins.ExtensionHandle;
import org.milab.platform.plugins.Role;

/**
 * How the host runs an extension of one role as a graph node: its input ports, its output ports, the parameters
 * the host adds to it, and the call.
 */
public interface NodeKind {

    /** The role this kind runs. */
    Role role();

    /** Input ports of the node. */
    List<Port> inputs(ExtensionHandle extension);

    /**
     * Output ports and their types, for these parameters. {@link #openOutputs()} kinds accept further port names,
     * checked only when the node has run (a dataset whose views are only known after loading).
     */
    Map<String, Class<?>> outputs(ExtensionHandle extension, ParameterValues parameters);

    /** Whether port names beyond {@link #outputs} may be wired (checked after the node ran). */
    default boolean openOutputs() {
        return false;
    }

    /** The type of an open output port. */
    default Optional<Class<?>> openOutputType() {
        return Optional.empty();
    }

    /** Parameters the host adds to every node of this kind (e.g. standard errors for estimators). */
    default List<Parameter<?>> hostParameters() {
        return List.of();
    }

    /** Runs the extension with its wired inputs and the host's parameters; returns outputs by port name. */
    Map<String, Object> run(ExtensionHandle extension, Inputs inputs, ParameterValues hostParameters, RunContext ctx);
}
