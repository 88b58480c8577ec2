package org.milab.platform.report;

import java.util.List;

/** Every estimate of a run as an HTML table: swept values, node, extension, estimate, s.e., truth, log-ratio. */
final class EstimatesTable {

    /** Longer tables start folded, so the plots below stay in view. */
    private static final int MANY = 30;

    private EstimatesTable() {
    }

    static String html(List<EstimateRow> rows) {
        if (rows.isEmpty()) {
            return "<p class=\"note\">no estimates</p>";
        }
        List<String> swept = List.copyOf(rows.get(0).sweep().keySet());
        StringBuilder h = new StringBuilder("<table class=\"estimates\">");
        appendHeader(h, swept);
        for (EstimateRow r : rows) {
            appendRow(h, swept, r);
        }
        h.append("</table>");
        return rows.size() <= MANY ? h.toString() : "<details><summary>" + rows.size() + " estimates (the sweep's "
                + "plots follow)</summary>" + h + "</details>";
    }

    /** The swept parameters, then the node, its estimate and its cost. */
    private static void appendHeader(StringBuilder h, List<String> swept) {
        h.append("<tr>");
        swept.forEach(k -> h.append("<th>").append(Html.esc(k)).append("</th>"));
        h.append("<th>node</th><th>extension</th><th>estimate (nats)</th><th>s.e. (nats)</th><th>truth (nats)</th>"
                + "<th title=\"ln(estimate / truth)\">log-ratio</th><th>n</th><th>time (s)</th></tr>");
    }

    private static void appendRow(StringBuilder h, List<String> swept, EstimateRow r) {
        h.append("<tr>");
        swept.forEach(k -> h.append("<td>").append(Html.esc(r.sweep().get(k))).append("</td>"));
        h.append("<td>").append(Html.esc(r.node())).append("</td><td>").append(Html.esc(r.extension()))
                .append("</td>").append(num(r.mi())).append(num(r.stderr())).append(num(r.truth()))
                .append(num(r.logRatio())).append("<td class=\"n\">")
                .append(Double.isNaN(r.n()) ? "" : Long.toString((long) r.n())).append("</td>")
                .append(num(r.seconds())).append("</tr>");
    }

    private static String num(double v) {
        return "<td class=\"n\">" + Html.num(v) + "</td>";
    }
}
