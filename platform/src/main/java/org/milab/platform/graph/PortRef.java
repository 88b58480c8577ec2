package org.milab.platform.graph;

/**
 * A wiring reference {@code node.port}, e.g. {@code data.x} (view {@code x} of dataset node {@code data}) or
 * {@code ksg.estimate}.
 *
 * @param node the producing node's id
 * @param port the output port of that node
 * @param at   where the reference was written
 */
public record PortRef(String node, String port, SourcePosition at) {

    @Override
    public String toString() {
        return node + "." + port;
    }
}
