package org.milab.platform.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML report of one run, self-contained (inline CSS and SVG, figures as {@code data:} URIs; nothing is
 * fetched): the run's status and times, every estimate with its truth, log-ratio and standard error, plots over a
 * sweep, the resolved graph drawn as a graph, metric curves, figures, the experiment file and the provenance.
 */
public final class ReportPage {

    /** Figures embedded at most (the rest are listed), so a sweep with a figure per point stays a mailable file. */
    static final int MAX_FIGURES = 24;

    private ReportPage() {
    }

    /** The whole report as one HTML document. */
    public static String render(RunData run) {
        return document("milab report: " + run.experiment() + " " + run.id(), body(run), "");
    }

    /** A complete document around {@code body}, with the shared style and an optional inline script. */
    public static String document(String title, String body, String script) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.esc(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"icon\" href=\"data:,\"><style>" + ReportStyle.CSS + "</style></head><body>" + body
                + (script.isEmpty() ? "" : "<script>" + script + "</script>") + "</body></html>\n";
    }

    /** The report's sections, for embedding in another page. */
    public static String body(RunData run) {
        List<EstimateRow> rows = EstimateRow.of(run.results());
        StringBuilder h = new StringBuilder(header(run));
        h.append(section("estimates", "Estimates", EstimatesTable.html(rows)));
        h.append(sweepSection(rows, run));
        h.append(section("graph", "Graph", "<div class=\"scroll\">" + GraphDrawing.svg(nodes(run.graph()))
                + "</div>"));
        h.append(metricsSection(run));
        h.append(section("figures", "Figures", figures(run)));
        h.append(section("analyses", "Analyses", AnalysesSection.html(run.results())));
        h.append(experimentSection(run));
        h.append(section("provenance", "Provenance", ProvenanceSection.html(run.provenance())));
        return h.toString();
    }

    /** The experiment's name, the run id, and the run's summary. */
    private static String header(RunData run) {
        return "<header><h1>" + Html.esc(run.experiment()) + " <small>" + Html.esc(run.id()) + "</small></h1>"
                + summary(run) + "</header>";
    }

    /** The plots of the results over the sweep; empty when there are none. */
    private static String sweepSection(List<EstimateRow> rows, RunData run) {
        List<String> sweep = SweepPlots.svgs(rows, run.results());
        return sweep.isEmpty() ? "" : section("sweep", "Results over the sweep", String.join("", sweep));
    }

    private static String metricsSection(RunData run) {
        Map<String, RunData> one = new LinkedHashMap<>();
        one.put(run.id(), run);
        List<String> curves = MetricCharts.svgs(one);
        return section("metrics", "Metric curves", curves.isEmpty() ? "<p class=\"note\">no metrics recorded</p>"
                : "<div class=\"grid\">" + String.join("", curves) + "</div>");
    }

    /** The experiment file as written, and the graph as run. */
    private static String experimentSection(RunData run) {
        return section("experiment", "Experiment file", "<pre>" + Html.esc(run.experimentYaml()) + "</pre>"
                + "<details><summary>graph as run (graph.yaml)</summary><pre>"
                + Html.esc(RunData.text(run.folder().resolve("graph.yaml")).orElse("")) + "</pre></details>");
    }

    private static String summary(RunData run) {
        Map<String, Object> p = run.provenance();
        String status = run.status();
        StringBuilder s = new StringBuilder("<p class=\"summary\"><span class=\"status ").append(Html.esc(status))
                .append("\">").append(Html.esc(status)).append("</span>");
        s.append(" seed ").append(Html.esc(ProvenanceSection.plain(run.graph().getOrDefault("seed", "?"))));
        appendTimesAndError(s, p);
        return s.append("</p>").toString();
    }

    private static void appendTimesAndError(StringBuilder s, Map<String, Object> p) {
        if (p.get("start") != null) {
            s.append(" \u00b7 started ").append(Html.esc(p.get("start")));
        }
        if (p.get("end") != null) {
            s.append(" \u00b7 ended ").append(Html.esc(p.get("end")));
        }
        if (p.get("error") != null) {
            s.append("</p><p class=\"error\">").append(Html.esc(p.get("error")));
        }
    }

    private static String section(String id, String title, String content) {
        return "<section id=\"" + id + "\"><h2>" + Html.esc(title) + "</h2>" + content + "</section>";
    }

    private static String figures(RunData run) {
        if (run.figures().isEmpty()) {
            return "<p class=\"note\">no figures</p>";
        }
        StringBuilder h = new StringBuilder("<div class=\"figures\">");
        List<Path> all = preferred(run.figures());
        for (Path f : all.subList(0, Math.min(all.size(), MAX_FIGURES))) {
            appendFigure(h, run, f);
        }
        h.append("</div>");
        if (all.size() > MAX_FIGURES) {
            appendMore(h, run, all);
        }
        return h.toString();
    }

    /** The figure inline, captioned with its path in the run folder. */
    private static void appendFigure(StringBuilder h, RunData run, Path f) {
        String rel = run.folder().relativize(f).toString().replace('\\', '/');
        h.append("<figure><img alt=\"").append(Html.esc(rel)).append("\" src=\"").append(Html.dataUri(f))
                .append("\"><figcaption>").append(Html.esc(rel)).append("</figcaption></figure>");
    }

    /** The list of the figures beyond the first {@link #MAX_FIGURES}. */
    private static void appendMore(StringBuilder h, RunData run, List<Path> all) {
        h.append("<p class=\"note\">").append(all.size() - MAX_FIGURES).append(" more figures in the run folder:")
                .append("</p><ul>");
        all.subList(MAX_FIGURES, all.size()).forEach(f -> h.append("<li>").append(Html.esc(run.folder()
                .relativize(f).toString().replace('\\', '/'))).append("</li>"));
        h.append("</ul>");
    }

    /** One file per figure: the PNG where both a PNG and an SVG of it exist (smaller in a page). */
    private static List<Path> preferred(List<Path> figures) {
        List<Path> out = new ArrayList<>();
        for (Path f : figures) {
            String name = f.toString();
            boolean svgWithPng = name.endsWith(".svg")
                    && figures.contains(Path.of(name.substring(0, name.length() - 4) + ".png"));
            if (!svgWithPng) {
                out.add(f);
            }
        }
        return out;
    }

    /** The drawing's nodes from {@code graph.yaml}: inputs {@code port: node.port} wire node to node. */
    static List<GraphDrawing.Node> nodes(Map<String, Object> graph) {
        List<GraphDrawing.Node> nodes = new ArrayList<>();
        RunData.map(graph.get("nodes")).forEach((id, spec) -> {
            Map<String, Object> n = RunData.map(spec);
            Map<String, String> inputs = new LinkedHashMap<>();
            RunData.map(n.get("inputs")).forEach((port, ref) -> inputs.put(port, String.valueOf(ref).split("\\.")[0]));
            nodes.add(new GraphDrawing.Node(id, String.valueOf(n.getOrDefault("use", "?")), inputs));
        });
        return nodes;
    }
}
