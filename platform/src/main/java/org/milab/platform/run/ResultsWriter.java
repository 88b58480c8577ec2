package org.milab.platform.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.milab.api.estimate.Estimate;
import org.milab.api.param.Parameter;
import org.milab.api.param.ParameterValues;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.graph.NodeKinds;
import org.milab.platform.graph.Plan;
import org.milab.platform.graph.PlannedNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a run's resolved graph, results (JSON and CSV) and each node's outputs into its {@link RunDirectory}. */
public final class ResultsWriter {

    private ResultsWriter() {
    }

    /** The graph as run: every parameter (defaults included) of the first point, qualified extension names. */
    public static String resolvedGraph(ExperimentGraph graph, Plan plan, long seed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", graph.name());
        root.put("seed", seed);
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (PlannedNode n : plan.nodes()) {
            nodes.put(n.id(), resolvedNode(n));
        }
        root.put("nodes", nodes);
        putSweepAndOutputs(root, graph);
        return "# resolved by milab from " + graph.file() + "\n" + blockYaml().dump(root);
    }

    private static void putSweepAndOutputs(Map<String, Object> root, ExperimentGraph graph) {
        if (!graph.sweep().isEmpty()) {
            root.put("sweep", graph.sweep().asYaml());
        }
        if (!graph.outputs().isEmpty()) {
            root.put("outputs", graph.outputs().stream().map(Object::toString).toList());
        }
    }

    private static Yaml blockYaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o);
    }

    /** A node as run: its qualified extension, every parameter (the host's too) and its wiring. */
    private static Map<String, Object> resolvedNode(PlannedNode n) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("use", n.extension().qualifiedName());
        Map<String, Object> with = new LinkedHashMap<>(plain(n.extension().info().parameters(), n.parameters()));
        with.putAll(plain(n.kind().hostParameters(), n.hostParameters()));
        if (!with.isEmpty()) {
            node.put("with", with);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        n.inputs().forEach((port, ref) -> inputs.put(port, ref.toString()));
        if (!inputs.isEmpty()) {
            node.put("inputs", inputs);
        }
        return node;
    }

    private static Map<String, Object> plain(List<Parameter<?>> declared, ParameterValues values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter<?> p : declared) {
            Object v = values.asMap().get(p.name());
            boolean plainYaml = v instanceof Integer || v instanceof Boolean || v instanceof String
                    || (v instanceof Double d && Double.isFinite(d))
                    || (v instanceof List<?> l && l.stream().allMatch(e -> e instanceof Number n
                    && Double.isFinite(n.doubleValue())));
            out.put(p.name(), plainYaml ? v : p.format(v));
        }
        return out;
    }

    /** {@code results.json}: every point, every node, its outputs and truth. */
    public static Map<String, Object> results(ExperimentGraph graph, long seed, List<PointOutcome> points) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", graph.name());
        root.put("seed", seed);
        List<Object> ps = new ArrayList<>();
        for (PointOutcome p : points) {
            ps.add(point(p));
        }
        root.put("points", ps);
        return root;
    }

    /** The JSON form of one point: its swept values, its nodes, and its error when it failed. */
    public static Map<String, Object> point(PointOutcome p) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("sweep", p.point());
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (NodeOutcome n : p.nodes()) {
            nodes.put(n.node().id(), node(n));
        }
        pm.put("nodes", nodes);
        p.error().ifPresent(e -> pm.put("error", e));
        return pm;
    }

    /** The JSON form of one node's outcome. */
    public static Map<String, Object> node(NodeOutcome n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("extension", n.node().extension().qualifiedName());
        m.put("pluginVersion", n.node().extension().pluginVersion());
        m.put("parameters", parameters(n.node()));
        m.put("seed", n.seed());
        m.put("seconds", n.seconds());
        m.put("outputs", outputs(n));
        n.truth().ifPresent(t -> m.put("truth", Json.truth(t)));
        n.logRatio().ifPresent(r -> m.put("logRatio", r));
        if (n.cached()) {
            m.put("cached", true);
        }
        return m;
    }

    /** Every parameter as text, the host's after the extension's. */
    private static Map<String, String> parameters(PlannedNode node) {
        Map<String, String> params = new LinkedHashMap<>(node.parameters().asText());
        params.putAll(node.hostParameters().asText());
        return params;
    }

    private static Map<String, Object> outputs(NodeOutcome n) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        n.outputs().forEach((port, v) -> outputs.put(port, Json.of(v)));
        return outputs;
    }

    /** {@code results.csv}: one row per estimate, with the sweep values as leading columns. */
    public static String estimatesCsv(ExperimentGraph graph, List<PointOutcome> points) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(graph.sweep().keySet());
        header.addAll(List.of("node", "extension", "mi_nats", "stderr_nats", "truth_nats", "log_ratio", "n",
                "seconds"));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (PointOutcome p : points) {
                printEstimates(csv, p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void printEstimates(CSVPrinter csv, PointOutcome p) throws java.io.IOException {
        for (NodeOutcome n : p.nodes()) {
            if (n.outputs().get(NodeKinds.ESTIMATE) instanceof Estimate e) {
                csv.printRecord(estimateRow(p, n, e));
            }
        }
    }

    /** The point's sweep values, then the node and its estimate. */
    private static List<Object> estimateRow(PointOutcome p, NodeOutcome n, Estimate e) {
        List<Object> row = new ArrayList<>(p.point().values());
        row.add(n.node().id());
        row.add(n.node().extension().qualifiedName());
        row.add(num(e.nats()));
        row.add(e.standardError().isPresent() ? num(e.standardError().getAsDouble()) : "");
        row.add(n.truth().map(t -> num(t.nats())).orElse(""));
        row.add(n.logRatio().isPresent() ? num(n.logRatio().getAsDouble()) : "");
        row.add(e.sampleCount());
        row.add(String.format(Locale.ROOT, "%.4f", n.seconds()));
        return row;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }

    /** The outputs to show: the graph's {@code outputs}, or every estimate and result. */
    public static boolean shown(ExperimentGraph graph, NodeOutcome n, String port) {
        if (graph.outputs().isEmpty()) {
            return port.equals(NodeKinds.ESTIMATE) || port.equals(NodeKinds.RESULT);
        }
        return graph.outputs().stream().anyMatch(r -> r.node().equals(n.node().id()) && r.port().equals(port));
    }
}
