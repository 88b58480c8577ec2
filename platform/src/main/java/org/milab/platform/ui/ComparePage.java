package org.milab.platform.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.milab.platform.report.EstimateRow;
import org.milab.platform.report.Html;
import org.milab.platform.report.MetricCharts;
import org.milab.platform.report.RunData;
import org.milab.platform.report.RunEntry;

/**
 * 2-5 runs side by side: the parameters that differ (then those that agree), every estimate of each run, and the
 * metric curves of the runs overlaid, one chart per node and metric.
 */
final class ComparePage {

    private ComparePage() {
    }

    static String html(Map<RunEntry, RunData> runs) {
        List<RunEntry> entries = new ArrayList<>(runs.keySet());
        StringBuilder h = new StringBuilder("<section id=\"parameters\"><h2>Parameters</h2>");
        h.append(parameterTable(entries));
        h.append("</section><section id=\"estimates\"><h2>Estimates (nats)</h2>").append(estimates(runs))
                .append("</section><section id=\"metrics\"><h2>Metric curves, overlaid</h2>");
        Map<String, RunData> byLabel = new LinkedHashMap<>();
        runs.forEach((e, d) -> byLabel.put(e.id(), d));
        List<String> charts = MetricCharts.svgs(byLabel);
        h.append(charts.isEmpty() ? "<p class=\"note\">none of these runs recorded metrics</p>"
                : "<div class=\"grid\">" + String.join("", charts) + "</div>").append("</section>");
        return Layout.page("Compare " + entries.size() + " runs", h.toString(), "");
    }

    private static String header(List<RunEntry> entries) {
        StringBuilder h = new StringBuilder("<tr><th></th>");
        entries.forEach(e -> h.append("<th><a href=\"/run/").append(Html.esc(Html.url(e.id()))).append("\">")
                .append(Html.esc(e.experiment())).append("<br>").append(Html.esc(e.id())).append("</a><br>")
                .append("<span class=\"status ").append(Html.esc(e.status())).append("\">").append(Html.esc(e.status()))
                .append("</span></th>"));
        return h.append("</tr>").toString();
    }

    private static String parameterTable(List<RunEntry> entries) {
        Set<String> keys = new LinkedHashSet<>();
        entries.forEach(e -> keys.addAll(e.parameters().keySet()));
        StringBuilder differ = new StringBuilder();
        StringBuilder same = new StringBuilder();
        int differing = 0;
        for (String k : keys) {
            boolean diff = entries.stream().map(e -> e.parameters().getOrDefault(k, "\u2014")).distinct().count() > 1;
            differing += diff ? 1 : 0;
            appendParameterRow(diff ? differ : same, k, entries, diff);
        }
        return "<p>" + differing + " parameter(s) differ.</p><table id=\"param-diff\">" + header(entries) + differ
                + "</table><details><summary>" + (keys.size() - differing) + " identical parameter(s)</summary><table>"
                + header(entries) + same + "</table></details>";
    }

    /** Parameter {@code k}'s value in each run, the row marked when they differ. */
    private static void appendParameterRow(StringBuilder row, String k, List<RunEntry> entries, boolean diff) {
        row.append("<tr").append(diff ? " class=\"diff\"" : "").append("><th>").append(Html.esc(k)).append("</th>");
        entries.forEach(e -> row.append("<td>").append(Html.esc(e.parameters().getOrDefault(k, "\u2014")))
                .append("</td>"));
        row.append("</tr>");
    }

    private static String estimates(Map<RunEntry, RunData> runs) {
        Map<String, Map<RunEntry, EstimateRow>> rows = byKey(runs);
        if (rows.isEmpty()) {
            return "<p class=\"note\">no estimates</p>";
        }
        List<RunEntry> entries = new ArrayList<>(runs.keySet());
        StringBuilder h = new StringBuilder("<table id=\"compare-estimates\">").append(header(entries));
        rows.forEach((key, byRun) -> {
            h.append("<tr><th>").append(Html.esc(key)).append("</th>");
            entries.forEach(e -> h.append("<td class=\"n\">").append(cell(byRun.get(e))).append("</td>"));
            h.append("</tr>");
        });
        return h.append("</table>").toString();
    }

    /** Each estimate row by its node and sweep point, then by run. */
    private static Map<String, Map<RunEntry, EstimateRow>> byKey(Map<RunEntry, RunData> runs) {
        Map<String, Map<RunEntry, EstimateRow>> rows = new LinkedHashMap<>();
        runs.forEach((e, d) -> EstimateRow.of(d.results()).forEach(r -> rows.computeIfAbsent(key(r),
                k -> new LinkedHashMap<>()).put(e, r)));
        return rows;
    }

    /** The estimate with its standard error and truth where known; empty when the run has no such row. */
    private static String cell(EstimateRow r) {
        return r == null ? "" : Html.num(r.mi())
                + (Double.isNaN(r.stderr()) ? "" : " \u00b1 " + Html.num(r.stderr()))
                + (Double.isNaN(r.truth()) ? "" : " (truth " + Html.num(r.truth()) + ")");
    }

    private static String key(EstimateRow r) {
        StringBuilder k = new StringBuilder(r.node());
        r.sweep().forEach((p, v) -> k.append(", ").append(p).append('=').append(v));
        return k.toString();
    }
}
