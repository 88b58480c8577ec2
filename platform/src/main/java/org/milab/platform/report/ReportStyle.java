package org.milab.platform.report;

/** The one style sheet of reports and UI pages, inlined into each page. */
final class ReportStyle {

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;\
            padding:16px 24px;color:#1b1b1b;background:#fff}
            h1{font-size:22px;margin:8px 0}h1 small{font-weight:normal;color:#666;font-size:14px}
            h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:3px;margin-top:28px}h3{font-size:15px}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}caption{text-align:left;font-weight:bold}
            th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f4f4f4}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:8px;overflow:auto;font-size:12px}
            code.hash{font-size:11px;word-break:break-all}
            .note{color:#666;font-style:italic}.error{color:#a00;white-space:pre-wrap}.verdict{font-weight:bold}
            .status{padding:1px 7px;border-radius:8px;background:#ddd;font-size:12px}
            .status.ok{background:#cdeccd}.status.failed{background:#f3c9c9}.status.running{background:#cfe0f7}
            .status.interrupted{background:#f2e2b8}
            .grid{display:flex;flex-wrap:wrap;gap:12px}.scroll{overflow:auto}
            .figures figure{display:inline-block;margin:6px;max-width:100%}.figures img{max-width:100%;\
            border:1px solid #eee}figcaption{font-size:12px;color:#555}
            svg text{font-family:system-ui,sans-serif}svg .frame{fill:none;stroke:#888}svg .grid{stroke:#eee}
            svg .axis{stroke:#888}svg .tick{font-size:10px;fill:#444}svg .alabel{font-size:12px;fill:#222}
            svg .ctitle{font-size:13px;font-weight:bold;fill:#222}svg .legend{font-size:11px;fill:#222}
            svg .node rect{fill:#f0f5fb;stroke:#4a76a8}svg .nid{font-size:13px;font-weight:bold;fill:#123}
            svg .nuse{font-size:11px;fill:#456}svg .edge{fill:none;stroke:#555;stroke-width:1.3}
            svg .port{font-size:10px;fill:#555}
            nav{margin-bottom:10px}nav a{margin-right:14px}form.filters{display:flex;gap:8px;flex-wrap:wrap;\
            align-items:end;margin:8px 0}form.filters label{display:flex;flex-direction:column;font-size:12px}
            .bar{display:inline-block;width:160px;height:10px;background:#eee;border-radius:5px;overflow:hidden;\
            vertical-align:middle}.bar span{display:block;height:100%;background:#0072B2}
            .diff{background:#fff3c4}.cols{display:flex;gap:16px;overflow:auto}.cols>div{min-width:300px}
            """;

    private ReportStyle() {
    }
}
