package org.milab.platform.ui;

import org.milab.platform.report.Html;
import org.milab.platform.report.ReportPage;
import org.milab.platform.report.RunData;
import org.milab.platform.report.RunEntry;
import org.milab.platform.report.RunStatus;

/** One run: its live progress while it runs, a link to the standalone report, then the report's sections. */
final class RunPage {

    private RunPage() {
    }

    static String html(RunEntry e, RunData data, boolean allowWrites) {
        String id = Html.esc(e.id());
        StringBuilder h = new StringBuilder(links(e, allowWrites));
        if (RunStatus.RUNNING.equals(e.status())) {
            h.append("<p class=\"running\" data-running=\"").append(id).append("\">live progress: <span data-progress=\"")
                    .append(id).append("\"></span></p>");
        }
        h.append(ReportPage.body(data));
        return Layout.page(e.experiment() + " / " + e.id(), h.toString(), UiScript.PROGRESS
                + (allowWrites ? UiScript.WRITE_REPORT : ""));
    }

    /** The standalone report's link, the run folder, and (when writes are allowed) the write-report button. */
    private static String links(RunEntry e, boolean allowWrites) {
        StringBuilder h = new StringBuilder("<p><a href=\"/run/").append(Html.esc(Html.url(e.id())))
                .append("/report.html\">standalone report</a> \u00b7 folder <code>").append(Html.esc(e.folder()))
                .append("</code>");
        if (allowWrites) {
            h.append(" \u00b7 <button type=\"button\" id=\"write-report\" data-id=\"").append(Html.esc(e.id()))
                    .append("\">write report.html</button> <span id=\"write-result\"></span>");
        }
        return h.append("</p>").toString();
    }
}
