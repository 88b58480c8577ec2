package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.List;
import org.milab.api.ConfigurationException;
import org.milab.api.Problem;
import org.milab.platform.plugins.ExtensionRegistry;

/** Applies {@code --set node.param=value} (and {@code --set seed=N}) to a graph; values are read as YAML. */
public final class Overrides {

    private Overrides() {
    }

    /** {@code graph} with every {@code --set} applied; all bad overrides are reported at once. */
    public static ExperimentGraph apply(ExperimentGraph graph, List<String> sets) {
        List<Problem> problems = new ArrayList<>();
        ExperimentGraph g = graph;
        for (String set : sets) {
            String where = "--set " + set;
            int eq = set.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(where, "expected node.parameter=value (or seed=N)"));
                continue;
            }
            String key = set.substring(0, eq).trim();
            Object value = GraphParser.parseValue(set.substring(eq + 1), where);
            Located<Object> located = new Located<>(value, SourcePosition.of(where));
            if (key.equals("seed")) {
                if (value instanceof Number n && !(value instanceof Double)) {
                    g = g.withSeed(new Located<>(n.longValue(), located.at()));
                } else {
                    problems.add(new Problem(where, "the seed must be a whole number"));
                }
                continue;
            }
            int dot = key.indexOf('.');
            NodeSpec node = dot > 0 ? g.nodes().get(key.substring(0, dot)) : null;
            if (node == null) {
                String id = dot > 0 ? key.substring(0, dot) : key;
                List<String> near = ExtensionRegistry.suggest(id, g.nodes().keySet());
                problems.add(new Problem(where, (dot > 0 ? "no node '" + id + "'" : "expected node.parameter=value")
                        + (near.isEmpty() ? "; nodes are " + String.join(", ", g.nodes().keySet())
                        : "; did you mean '" + near.get(0) + "'?")));
                continue;
            }
            if (g.sweep().keySet().contains(key)) {
                String at = g.sweep().values(key).map(v -> " (" + v.at() + ")").orElse("");
                problems.add(new Problem(where, "'" + key + "' is swept" + at + ", so --set would be "
                        + "ignored at every sweep point; edit the sweep's values in the file, or drop the sweep"));
                continue;
            }
            g = g.withNode(node.withParameter(key.substring(dot + 1), located));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return g;
    }
}
