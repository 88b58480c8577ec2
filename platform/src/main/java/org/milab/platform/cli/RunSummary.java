package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.estimate.Estimate;
import org.milab.api.train.TrainingResult;
import org.milab.platform.graph.ExperimentGraph;
import org.milab.platform.run.NodeOutcome;
import org.milab.platform.run.PointOutcome;
import org.milab.platform.run.ResultsWriter;

/**
 * The human summary of a run: a table of estimates (with truth, error and log-ratio), a table of trained models'
 * test metrics, then each analysis's tables and verdicts. Swept parameters lead every row.
 */
final class RunSummary {

    private final ExperimentGraph graph;
    private final TextTable estimates;
    private final TextTable trained;
    private final List<Table> tables = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private int nodes;
    private int cached;
    private final List<String> notes = new ArrayList<>();

    private RunSummary(ExperimentGraph graph) {
        this.graph = graph;
        this.estimates = new TextTable(header("estimator", "estimate (nats)", "truth", "error", "log-ratio", "time"));
        this.trained = new TextTable(header("strategy", "test metrics", "time"));
    }

    /** Prints the summary of {@code points} to {@code out}. */
    static void print(PrintWriter out, ExperimentGraph graph, List<PointOutcome> points) {
        RunSummary summary = new RunSummary(graph);
        for (PointOutcome p : points) {
            for (NodeOutcome n : p.nodes()) {
                summary.nodes++;
                summary.cached += n.cached() ? 1 : 0;
                n.outputs().forEach((port, value) -> {
                    if (ResultsWriter.shown(graph, n, port)) {
                        summary.add(p, n, value);
                    }
                });
            }
        }
        summary.print(out);
    }

    private List<String> header(String... columns) {
        List<String> header = new ArrayList<>(graph.sweep().keySet());
        header.add("node");
        header.addAll(List.of(columns));
        return header;
    }

    private void add(PointOutcome p, NodeOutcome n, Object value) {
        if (value instanceof Estimate e) {
            estimates.add(estimateRow(row(p, n), n, e));
            notes.addAll(notes(p, n, e));
        } else if (value instanceof TrainingResult t) {
            trained.add(trainingRow(row(p, n), n, t));
        } else if (value instanceof AnalysisResult a) {
            tables.addAll(a.tables());
            verdicts.addAll(a.verdicts());
        }
    }

    /** The row with the result's test metrics and the time. */
    private static List<String> trainingRow(List<String> row, NodeOutcome n, TrainingResult t) {
        row.add(t.metrics().entrySet().stream().filter(m -> m.getKey().startsWith("test-"))
                .sorted(Map.Entry.comparingByKey())
                .map(m -> m.getKey().substring(5) + " " + fmt(m.getValue()))
                .collect(Collectors.joining(", ")));
        row.add(seconds(n));
        return row;
    }

    private static List<String> estimateRow(List<String> row, NodeOutcome n, Estimate e) {
        row.add(fmt(e.nats()) + (e.standardError().isPresent() ? " ± " + fmt(e.standardError().getAsDouble()) : ""));
        row.add(n.truth().map(t -> fmt(t.nats())).orElse("-"));
        row.add(n.truth().map(t -> fmt(e.nats() - t.nats())).orElse("-"));
        row.add(n.logRatio().isPresent() ? fmt(n.logRatio().getAsDouble()) : "-");
        row.add(seconds(n));
        return row;
    }

    /** What the estimate is when not Shannon MI, its notes and warnings, each naming the node (and sweep point). */
    private static List<String> notes(PointOutcome p, NodeOutcome n, Estimate e) {
        String who = "node '" + n.node().id() + "' (" + n.node().extension().name() + ")"
                + (p.point().isEmpty() ? "" : " at " + p.point());
        List<String> lines = new ArrayList<>();
        e.quantity().ifPresent(q -> lines.add("note: " + who + " estimates " + q + ", not Shannon MI: not "
                + "comparable with the truth or the other estimators"));
        e.notes().forEach(m -> lines.add("note: " + who + ": " + m));
        e.warnings().forEach(w -> lines.add("WARNING: " + who + ": " + w));
        return lines;
    }

    /** The swept values of point {@code p}, then the node's id and extension name. */
    private static List<String> row(PointOutcome p, NodeOutcome n) {
        List<String> row = new ArrayList<>();
        p.point().values().forEach(v -> row.add(String.valueOf(v)));
        row.add(n.node().id());
        row.add(n.node().extension().name());
        return row;
    }

    private void print(PrintWriter out) {
        out.println("experiment " + graph.name() + " (seed " + graph.seed().value() + ")");
        if (!estimates.isEmpty()) {
            out.print(estimates);
        }
        notes.stream().distinct().forEach(out::println);
        if (!trained.isEmpty()) {
            out.print(trained);
        }
        tables.forEach(t -> printTable(out, t));
        verdicts.forEach(v -> out.println("- " + v));
        printCached(out);
    }

    private void printCached(PrintWriter out) {
        if (cached > 0) {
            out.println(cached + " of " + nodes + " node results were served from the node cache (cached); "
                    + "--no-cache recomputes them");
        }
    }

    /** An analysis table, after a blank line and its title. */
    private static void printTable(PrintWriter out, Table t) {
        out.println();
        out.println(t.title());
        TextTable tt = new TextTable(t.columns());
        t.rows().forEach(r -> tt.add(r.stream().map(RunSummary::cell).toList()));
        out.print(tt);
    }

    private static String seconds(NodeOutcome n) {
        return n.cached() ? "cached" : String.format(Locale.ROOT, "%.3f s", n.seconds());
    }

    private static String cell(Object o) {
        return o instanceof Double d ? fmt(d) : String.valueOf(o);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
