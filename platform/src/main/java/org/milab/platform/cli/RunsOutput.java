package org.milab.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.milab.platform.run.Json;
import org.milab.platform.store.RunDetails;
import org.milab.platform.store.StoredRun;

/** Text, JSON and CSV forms of what the run store returns, for the {@code runs} commands. */
final class RunsOutput {

    private static final List<String> RUN_COLUMNS = List.of("id", "experiment", "status", "points", "failed", "seed",
            "started", "folder");

    private RunsOutput() {
    }

    static void runs(PrintWriter out, List<StoredRun> runs, RunsCommand.Format format) {
        if (format == RunsCommand.Format.JSON) {
            out.println(Json.pretty(runs.stream().map(RunsOutput::json).toList()));
            return;
        }
        List<List<String>> rows = runs.stream().map(RunsOutput::row).toList();
        if (format == RunsCommand.Format.CSV) {
            out.print(csv(RUN_COLUMNS, rows));
            return;
        }
        TextTable t = new TextTable(RUN_COLUMNS);
        rows.forEach(t::add);
        out.print(t);
        out.println(runs.size() + " run" + (runs.size() == 1 ? "" : "s"));
    }

    private static List<String> row(StoredRun r) {
        return List.of(r.id(), r.experiment(), r.status(), String.valueOf(r.points()),
                String.valueOf(r.failedPoints()), String.valueOf(r.seed()), r.started(), r.folder().toString());
    }

    static void show(PrintWriter out, RunDetails d) {
        StoredRun r = d.run();
        out.println("run " + r.id() + ": " + r.experiment() + ", " + r.status() + ", seed " + r.seed());
        out.println("folder  " + r.folder());
        out.println("time    " + r.started() + " .. " + r.ended() + " (milab " + r.milab() + ")");
        r.error().ifPresent(e -> out.println("error   " + e));
        out.print(nodeTable(d));
        out.println(d.plugins().size() + " plugins recorded, " + d.artifacts().size() + " artifact file(s)");
    }

    /** One row per node of every point, and one per failed point. */
    private static TextTable nodeTable(RunDetails d) {
        TextTable t = new TextTable(List.of("point", "swept", "node", "extension", "estimate (nats)", "truth",
                "time"));
        for (RunDetails.Point p : d.points()) {
            String swept = p.sweep().isEmpty() ? "-" : p.sweep().toString();
            for (RunDetails.Node n : p.nodes()) {
                t.add(nodeRow(p, swept, n));
            }
            p.error().ifPresent(e -> t.add(List.of(String.valueOf(p.index()), swept, "-", "failed", e, "-", "-")));
        }
        return t;
    }

    private static List<String> nodeRow(RunDetails.Point p, String swept, RunDetails.Node n) {
        return List.of(String.valueOf(p.index()), swept, n.id(), n.extension(),
                n.estimate().map(RunsOutput::estimate).orElse("-"),
                n.estimate().map(e -> e.truth().isPresent() ? fmt(e.truth().getAsDouble()) : "-").orElse("-"),
                n.cached() ? "cached" : String.format(Locale.ROOT, "%.3f s", n.seconds()));
    }

    /** One row per parameter and per estimate, one column per run. */
    static String compare(List<RunDetails> runs) {
        Set<String> keys = new LinkedHashSet<>();
        List<Map<String, String>> cells = new ArrayList<>();
        for (RunDetails d : runs) {
            Map<String, String> c = cells(d);
            keys.addAll(c.keySet());
            cells.add(c);
        }
        return compareTable(runs, keys, cells);
    }

    /** A run's compared values by key: experiment, status, seed, then each point's sweep, parameters, estimates. */
    private static Map<String, String> cells(RunDetails d) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("experiment", d.run().experiment());
        c.put("status", d.run().status());
        c.put("seed", String.valueOf(d.run().seed()));
        for (RunDetails.Point p : d.points()) {
            String at = d.points().size() == 1 ? "" : "[" + p.index() + "] ";
            p.sweep().forEach((k, v) -> c.put(at + "sweep " + k, v));
            for (RunDetails.Node n : p.nodes()) {
                n.parameters().forEach((k, v) -> c.put(at + n.id() + "." + k, v));
                n.estimate().ifPresent(e -> c.put(at + n.id() + " estimate", estimate(e)));
            }
        }
        return c;
    }

    /** One row per key: the key, "*" when the runs differ, each run's value. */
    private static String compareTable(List<RunDetails> runs, Set<String> keys, List<Map<String, String>> cells) {
        List<String> header = new ArrayList<>(List.of("", "differs"));
        runs.forEach(d -> header.add(d.run().id()));
        TextTable t = new TextTable(header);
        for (String k : keys) {
            List<String> row = new ArrayList<>(List.of(k));
            List<String> values = cells.stream().map(c -> c.getOrDefault(k, "-")).toList();
            row.add(values.stream().distinct().count() > 1 ? "*" : "");
            row.addAll(values);
            t.add(row);
        }
        return t.toString();
    }

    static Map<String, Object> json(StoredRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("experiment", r.experiment());
        m.put("status", r.status());
        m.put("seed", r.seed());
        m.put("started", r.started());
        m.put("ended", r.ended());
        m.put("milab", r.milab());
        r.error().ifPresent(e -> m.put("error", e));
        m.put("points", r.points());
        m.put("failedPoints", r.failedPoints());
        m.put("folder", r.folder().toString());
        return m;
    }

    static Map<String, Object> json(RunDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", json(d.run()));
        m.put("plugins", d.plugins());
        List<Object> points = new ArrayList<>();
        for (RunDetails.Point p : d.points()) {
            points.add(json(p));
        }
        m.put("points", points);
        m.put("artifacts", d.artifacts());
        return m;
    }

    private static Map<String, Object> json(RunDetails.Point p) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("index", p.index());
        pm.put("status", p.status());
        p.error().ifPresent(e -> pm.put("error", e));
        pm.put("sweep", p.sweep());
        List<Object> nodes = new ArrayList<>();
        for (RunDetails.Node n : p.nodes()) {
            nodes.add(json(n));
        }
        pm.put("nodes", nodes);
        return pm;
    }

    private static Map<String, Object> json(RunDetails.Node n) {
        Map<String, Object> nm = new LinkedHashMap<>();
        nm.put("id", n.id());
        nm.put("extension", n.extension());
        nm.put("seed", n.seed());
        nm.put("seconds", n.seconds());
        nm.put("cached", n.cached());
        nm.put("parameters", n.parameters());
        n.estimate().ifPresent(e -> nm.put("estimate", estimateJson(e)));
        return nm;
    }

    /** One row per estimate: point, swept values, node, extension, estimate, standard error, truth, n. */
    static String estimatesCsv(RunDetails d) {
        Set<String> swept = new LinkedHashSet<>();
        d.points().forEach(p -> swept.addAll(p.sweep().keySet()));
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(swept);
        header.addAll(List.of("node", "extension", "mi_nats", "stderr_nats", "truth_nats", "n", "seconds", "cached"));
        List<List<String>> rows = new ArrayList<>();
        for (RunDetails.Point p : d.points()) {
            for (RunDetails.Node n : p.nodes()) {
                n.estimate().ifPresent(e -> rows.add(estimateRow(swept, p, n, e)));
            }
        }
        return csv(header, rows);
    }

    private static List<String> estimateRow(Set<String> swept, RunDetails.Point p, RunDetails.Node n,
            RunDetails.Estimate e) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(p.index())));
        swept.forEach(k -> row.add(p.sweep().getOrDefault(k, "")));
        row.addAll(List.of(n.id(), n.extension(), num(e.nats()),
                e.stderr().isPresent() ? num(e.stderr().getAsDouble()) : "",
                e.truth().isPresent() ? num(e.truth().getAsDouble()) : "", String.valueOf(e.n()),
                String.format(Locale.ROOT, "%.4f", n.seconds()), String.valueOf(n.cached())));
        return row;
    }

    private static Map<String, Object> estimateJson(RunDetails.Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mi", e.nats());
        e.stderr().ifPresent(s -> m.put("stderr", s));
        e.truth().ifPresent(t -> m.put("truth", t));
        m.put("n", e.n());
        return m;
    }

    private static String estimate(RunDetails.Estimate e) {
        return fmt(e.nats()) + (e.stderr().isPresent() ? " ± " + fmt(e.stderr().getAsDouble()) : "");
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
