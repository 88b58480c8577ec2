package org.milab.platform.ui;

import org.milab.platform.report.Html;
import org.milab.platform.report.ReportPage;

/** A UI page: the report's style, a navigation bar, the content and an optional script. */
final class Layout {

    private Layout() {
    }

    static String page(String title, String body, String script) {
        return ReportPage.document(title + " \u2014 milab", "<nav><a href=\"/\">runs</a><span class=\"note\">milab ui"
                + "</span></nav><h1>" + Html.esc(title) + "</h1>" + body, script);
    }
}
