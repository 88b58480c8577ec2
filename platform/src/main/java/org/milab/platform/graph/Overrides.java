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
            g = applyOne(g, set, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return g;
    }

    /** {@code g} with one {@code --set} applied, or {@code g} itself with a problem added. */
    private static ExperimentGraph applyOne(ExperimentGraph g, String set, List<Problem> problems) {
        String where = "--set " + set;
        int eq = set.indexOf('=');
        if (eq <= 0) {
            problems.add(new Problem(where, "expected node.parameter=value (or seed=N)"));
            return g;
        }
        String key = set.substring(0, eq).trim();
        Object value = GraphParser.parseValue(set.substring(eq + 1), where);
        Located<Object> located = new Located<>(value, SourcePosition.of(where));
        return key.equals("seed") ? withSeed(g, located, problems) : withParameter(g, key, located, problems);
    }

    private static ExperimentGraph withSeed(ExperimentGraph g, Located<Object> located, List<Problem> problems) {
        Object value = located.value();
        if (value instanceof Number n && !(value instanceof Double)) {
            return g.withSeed(new Located<>(n.longValue(), located.at()));
        }
        problems.add(new Problem(located.at().toString(), "the seed must be a whole number"));
        return g;
    }

    private static ExperimentGraph withParameter(ExperimentGraph g, String key, Located<Object> located,
            List<Problem> problems) {
        String where = located.at().toString();
        int dot = key.indexOf('.');
        NodeSpec node = dot > 0 ? g.nodes().get(key.substring(0, dot)) : null;
        if (node == null) {
            problems.add(unknownNode(g, key, dot, where));
            return g;
        }
        if (g.sweep().keySet().contains(key)) {
            problems.add(swept(g, key, where));
            return g;
        }
        return g.withNode(node.withParameter(key.substring(dot + 1), located));
    }

    private static Problem swept(ExperimentGraph g, String key, String where) {
        String at = g.sweep().values(key).map(v -> " (" + v.at() + ")").orElse("");
        return new Problem(where, "'" + key + "' is swept" + at + ", so --set would be "
                + "ignored at every sweep point; edit the sweep's values in the file, or drop the sweep");
    }

    private static Problem unknownNode(ExperimentGraph g, String key, int dot, String where) {
        String id = dot > 0 ? key.substring(0, dot) : key;
        List<String> near = ExtensionRegistry.suggest(id, g.nodes().keySet());
        return new Problem(where, (dot > 0 ? "no node '" + id + "'" : "expected node.parameter=value")
                + (near.isEmpty() ? "; nodes are " + String.join(", ", g.nodes().keySet())
                : "; did you mean '" + near.get(0) + "'?"));
    }
}
