package org.milab.platform.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The sweep of an experiment: an ordered list of {@link SweepForm}s whose rows combine as a cartesian product.
 * Plain {@code node.param: [values]} entries are product axes; {@code zip}, {@code random} and {@code seeds} are the
 * other forms. Points are a pure function of the forms and the experiment seed.
 *
 * <pre>
 * sweep:
 *   data.n: [500, 2000]                  # axis: x2
 *   zip: {data.rho: [0.2, 0.8], est.k: [3, 5]}   # parallel lists: x2
 *   random: {n: 4, est.k: [2, 8], data.noise: {log: [0.01, 1.0]}}   # 4 draws
 *   seeds: 3                             # 3 repeats, each with a derived experiment seed
 * </pre>
 *
 * @param forms the forms in file order
 */
public record Sweep(List<SweepForm> forms) {

    /** Copies. */
    public Sweep {
        forms = List.copyOf(forms);
    }

    /** No sweep: one point. */
    public static Sweep none() {
        return new Sweep(List.of());
    }

    /** A cartesian sweep over {@code axes} ({@code node.param} to values). */
    public static Sweep product(Map<String, Located<List<Object>>> axes) {
        List<SweepForm> forms = new ArrayList<>();
        axes.forEach((k, v) -> forms.add(new SweepForm.Axis(k, v)));
        return new Sweep(forms);
    }

    /** Whether there is nothing to sweep. */
    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** Every key a point sets, in file order (the leading columns of result tables). */
    public Set<String> keySet() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        forms.forEach(f -> keys.addAll(f.keys()));
        return keys;
    }

    /** The values of the axis or zip list {@code key}, when it is one. */
    public Optional<Located<List<Object>>> values(String key) {
        for (SweepForm f : forms) {
            if (f instanceof SweepForm.Axis a && a.key().equals(key)) {
                return Optional.of(a.values());
            }
            if (f instanceof SweepForm.Zip z && z.lists().containsKey(key)) {
                return Optional.of(z.lists().get(key));
            }
        }
        return Optional.empty();
    }

    /** The points (one empty point without a sweep): the product of every form's rows, first form outermost. */
    public List<Map<String, Located<Object>>> points(long experimentSeed) {
        SplittableRandom root = new SplittableRandom(experimentSeed);
        List<Map<String, Located<Object>>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (SweepForm form : forms) {
            points = product(points, form.rows(root.split()));
        }
        return points;
    }

    /** Each point extended by each row, points outermost. */
    private static List<Map<String, Located<Object>>> product(List<Map<String, Located<Object>>> points,
            List<Map<String, Located<Object>>> rows) {
        List<Map<String, Located<Object>>> next = new ArrayList<>();
        for (Map<String, Located<Object>> p : points) {
            for (Map<String, Located<Object>> row : rows) {
                Map<String, Located<Object>> q = new LinkedHashMap<>(p);
                q.putAll(row);
                next.add(q);
            }
        }
        return next;
    }

    /** {@code graph} with one point's values applied: node parameters, and the experiment seed of a repeat. */
    public static ExperimentGraph apply(ExperimentGraph graph, Map<String, Located<Object>> point) {
        ExperimentGraph g = graph;
        for (Map.Entry<String, Located<Object>> a : point.entrySet()) {
            if (a.getKey().equals(SweepForm.Repeats.KEY)) {
                g = g.withSeed(new Located<>(((Number) a.getValue().value()).longValue(), a.getValue().at()));
            } else {
                String[] parts = a.getKey().split("\\.", 2);
                g = g.withNode(g.nodes().get(parts[0]).withParameter(parts[1], a.getValue()));
            }
        }
        return g;
    }

    /** Problems with keys that name no node of {@code graph}. */
    void checkNodes(ExperimentGraph graph, GraphProblems problems) {
        for (SweepForm f : forms) {
            for (String key : f.keys()) {
                if (key.equals(SweepForm.Repeats.KEY)) {
                    continue;
                }
                String node = key.substring(0, key.indexOf('.'));
                if (!graph.nodes().containsKey(node)) {
                    problems.add(f.at(), noSuchNode(graph, node));
                }
            }
        }
    }

    private static String noSuchNode(ExperimentGraph graph, String node) {
        List<String> near = org.milab.platform.plugins.ExtensionRegistry.suggest(node, graph.nodes().keySet());
        return "sweep names node '" + node + "', which does not exist"
                + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?");
    }

    /** The sweep as written in a resolved {@code graph.yaml}. */
    public Map<String, Object> asYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (SweepForm f : forms) {
            if (f instanceof SweepForm.Axis a) {
                m.put(a.key(), a.asYaml());
            } else {
                m.putAll(castMap(f.asYaml()));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
