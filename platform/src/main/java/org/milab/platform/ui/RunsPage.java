package org.milab.platform.ui;

import java.util.List;
import org.milab.platform.report.Html;
import org.milab.platform.report.RunEntry;
import org.milab.platform.report.RunFilter;
import org.milab.platform.report.RunStatus;

/** The runs list: filters (experiment, status, parameter), one row per run, checkboxes to compare, live progress. */
final class RunsPage {

    private static final List<String> STATUSES = List.of("", "ok", "failed", RunStatus.RUNNING,
            RunStatus.INTERRUPTED);

    private RunsPage() {
    }

    static String html(List<RunEntry> runs, RunFilter f) {
        StringBuilder h = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/\" id=\"filters\">");
        appendFilters(h, f);
        h.append("<form method=\"get\" action=\"/compare\" id=\"compare\"><p>").append(runs.size())
                .append(" run(s). <button type=\"submit\" id=\"compare-button\">compare selected (2-5)</button></p>")
                .append("<table id=\"runs\"><tr><th></th><th>experiment</th><th>run</th><th>status</th><th>start</th>"
                + "<th>progress</th></tr>");
        for (RunEntry e : runs) {
            appendRow(h, e);
        }
        h.append("</table></form>");
        return Layout.page("Runs", h.toString(), UiScript.PROGRESS);
    }

    /** The experiment, status and parameter filters, filled in with {@code f}. */
    private static void appendFilters(StringBuilder h, RunFilter f) {
        h.append("<label>experiment<input name=\"experiment\" id=\"f-experiment\" value=\"")
                .append(Html.esc(f.experiment())).append("\"></label><label>status<select name=\"status\" "
                + "id=\"f-status\">");
        for (String s : STATUSES) {
            h.append("<option value=\"").append(s).append('"').append(s.equalsIgnoreCase(f.status()) ? " selected" : "")
                    .append('>').append(s.isEmpty() ? "any" : s).append("</option>");
        }
        h.append("</select></label><label>parameter (key=value)<input name=\"param\" id=\"f-param\" "
                + "placeholder=\"ksg.k=3\" value=\"").append(Html.esc(f.parameter())).append("\"></label>")
                .append("<button type=\"submit\" id=\"f-apply\">filter</button><a href=\"/\">clear</a></form>");
    }

    /** A run's row: a checkbox to compare it, its experiment, id (a link), status, start and live progress. */
    private static void appendRow(StringBuilder h, RunEntry e) {
        h.append("<tr class=\"run\" data-id=\"").append(Html.esc(e.id())).append("\"><td><input type=\"checkbox\" "
                + "name=\"id\" value=\"").append(Html.esc(e.id())).append("\"></td><td>")
                .append(Html.esc(e.experiment())).append("</td><td><a href=\"/run/").append(Html.esc(Html.url(e.id())))
                .append("\">").append(Html.esc(e.id())).append("</a></td><td><span class=\"status ")
                .append(Html.esc(e.status())).append("\">").append(Html.esc(e.status())).append("</span></td><td>")
                .append(Html.esc(e.start())).append("</td><td data-progress=\"").append(Html.esc(e.id()))
                .append("\"></td></tr>");
    }
}
