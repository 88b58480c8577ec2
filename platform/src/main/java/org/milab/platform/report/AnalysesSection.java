package org.milab.platform.report;

import java.util.List;
import java.util.Map;

/** Analysis results of a run ({@code outputs.result} with tables, scalars and verdicts) as HTML. */
final class AnalysesSection {

    private static final int MAX_ROWS = 200;
    private static final int MAX_RESULTS = 20;

    private AnalysesSection() {
    }

    static String html(Map<String, Object> results) {
        StringBuilder h = new StringBuilder();
        int shown = 0;
        List<?> points = RunData.list(results.get("points"));
        for (int i = 0; i < points.size() && shown < MAX_RESULTS; i++) {
            String point = points.size() > 1 ? " (point " + i + ")" : "";
            shown = appendPoint(h, RunData.map(points.get(i)), point, shown);
        }
        return h.length() == 0 ? "<p class=\"note\">no analysis results</p>" : h.toString();
    }

    /** The analysis results of one point's nodes, up to {@link #MAX_RESULTS} in all; the new count shown. */
    private static int appendPoint(StringBuilder h, Map<String, Object> p, String point, int shown) {
        for (Map.Entry<String, Object> e : RunData.map(p.get("nodes")).entrySet()) {
            Map<String, Object> result = RunData.map(RunData.map(RunData.map(e.getValue()).get("outputs"))
                    .get("result"));
            if (!result.containsKey("tables") || shown++ >= MAX_RESULTS) {
                continue;
            }
            h.append("<h3>").append(Html.esc(e.getKey())).append(point).append("</h3>");
            verdicts(h, result);
            scalars(h, RunData.map(result.get("scalars")));
            RunData.list(result.get("tables")).forEach(t -> table(h, RunData.map(t)));
        }
        return shown;
    }

    private static void verdicts(StringBuilder h, Map<String, Object> result) {
        for (Object v : RunData.list(result.get("verdicts"))) {
            h.append("<p class=\"verdict\">").append(Html.esc(v)).append("</p>");
        }
    }

    private static void scalars(StringBuilder h, Map<String, Object> scalars) {
        if (scalars.isEmpty()) {
            return;
        }
        boolean many = scalars.size() > 10;
        h.append(many ? "<details><summary>" + scalars.size() + " scalars</summary>" : "")
                .append("<table class=\"facts\">");
        scalars.forEach((k, v) -> h.append("<tr><th>").append(Html.esc(k)).append("</th><td class=\"n\">")
                .append(v instanceof Number n ? Html.num(n.doubleValue()) : Html.esc(v)).append("</td></tr>"));
        h.append("</table>").append(many ? "</details>" : "");
    }

    private static void table(StringBuilder h, Map<String, Object> t) {
        h.append("<table><caption>").append(Html.esc(t.getOrDefault("title", ""))).append("</caption><tr>");
        RunData.list(t.get("columns")).forEach(c -> h.append("<th>").append(Html.esc(c)).append("</th>"));
        h.append("</tr>");
        List<?> rows = RunData.list(t.get("rows"));
        for (int r = 0; r < Math.min(rows.size(), MAX_ROWS); r++) {
            appendRow(h, RunData.list(rows.get(r)));
        }
        if (rows.size() > MAX_ROWS) {
            h.append("<tr><td colspan=\"99\" class=\"note\">").append(rows.size() - MAX_ROWS)
                    .append(" more rows in results.json</td></tr>");
        }
        h.append("</table>");
    }

    private static void appendRow(StringBuilder h, List<?> row) {
        h.append("<tr>");
        row.forEach(c -> h.append("<td>").append(c instanceof Number n ? Html.num(n.doubleValue()) : Html.esc(c))
                .append("</td>"));
        h.append("</tr>");
    }
}
