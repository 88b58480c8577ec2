package org.milab.platform.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milab.platform.report.Html;
import org.milab.platform.report.HtmlReport;
import org.milab.platform.report.ReportPage;
import org.milab.platform.report.RunCatalog;
import org.milab.platform.report.RunData;
import org.milab.platform.report.RunEntry;
import org.milab.platform.report.RunFilter;
import org.milab.platform.report.RunStatus;
import org.milab.platform.run.Json;
import org.milab.platform.ui.UiServer.Response;

/** Routes a request to its page or JSON answer. */
final class Pages {

    private final RunCatalog catalog;
    private final boolean allowWrites;

    Pages(RunCatalog catalog, boolean allowWrites) {
        this.catalog = catalog;
        this.allowWrites = allowWrites;
    }

    Response respond(String method, String rawPath, Map<String, List<String>> query, String writeHeader) {
        String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        if (path.equals("/api/report")) {
            return method.equals("POST") ? writeReport(first(query, "id"), writeHeader)
                    : Response.json(405, "{\"error\":\"use POST\"}");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.text(405, "read-only: " + method + " is not served here");
        }
        return get(path, query);
    }

    private Response get(String path, Map<String, List<String>> query) {
        if (path.equals("/")) {
            return runsPage(filter(query));
        }
        if (path.equals("/compare")) {
            return compare(query.getOrDefault("id", List.of()));
        }
        if (path.equals("/api/runs")) {
            return Response.json(200, Json.compact(catalog.list(filter(query)).stream().map(Pages::summary).toList()));
        }
        if (path.equals("/api/progress")) {
            return Response.json(200, Json.compact(progress()));
        }
        return runPage(path);
    }

    private Response runsPage(RunFilter f) {
        return Response.html(RunsPage.html(catalog.list(f), f));
    }

    private static RunFilter filter(Map<String, List<String>> query) {
        return new RunFilter(first(query, "experiment"), first(query, "status"), first(query, "param"));
    }

    /** {@code /run/ID} or {@code /run/ID/report.html}. */
    private Response runPage(String path) {
        if (path.startsWith("/run/") && path.endsWith("/report.html")) {
            return run(path.substring(5, path.length() - 12), true);
        }
        if (path.startsWith("/run/")) {
            return run(path.substring(5), false);
        }
        return notFound("no page " + path);
    }

    private Response run(String id, boolean standalone) {
        Optional<RunEntry> e = catalog.get(id);
        if (e.isEmpty()) {
            return notFound("no run " + id);
        }
        RunData data = catalog.read(e.get());
        if (standalone) {
            return Response.html(ReportPage.render(data));
        }
        return Response.html(RunPage.html(e.get(), data, allowWrites));
    }

    private Response compare(List<String> ids) {
        if (ids.size() < 2 || ids.size() > 5) {
            return new Response(400, "text/html; charset=utf-8", Layout.page("compare runs",
                    "<p class=\"error\">choose 2 to 5 runs to compare (got " + ids.size() + ")</p>", ""));
        }
        Map<RunEntry, RunData> runs = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<RunEntry> e = catalog.get(id);
            if (e.isEmpty()) {
                return notFound("no run " + id);
            }
            runs.put(e.get(), catalog.read(e.get()));
        }
        return Response.html(ComparePage.html(runs));
    }

    private Response writeReport(String id, String writeHeader) {
        if (!allowWrites) {
            return Response.json(403, "{\"error\":\"writes are disabled; start 'milab ui --allow-writes'\"}");
        }
        if (!"1".equals(writeHeader)) {
            return Response.json(403, "{\"error\":\"a write needs the X-Milab-Write: 1 header\"}");
        }
        Optional<RunEntry> e = catalog.get(id);
        if (e.isEmpty()) {
            return Response.json(404, "{\"error\":\"no such run\"}");
        }
        HtmlReport.writeInto(e.get().folder());
        return Response.json(200, Json.compact(Map.of("written", e.get().folder().resolve(HtmlReport.FILE)
                .toString())));
    }

    /** Live progress of every running run. */
    private List<Map<String, Object>> progress() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunEntry e : catalog.list(new RunFilter("", RunStatus.RUNNING, ""))) {
            Map<String, Object> m = new LinkedHashMap<>(RunData.json(e.folder().resolve("progress.json")));
            m.put("id", e.id());
            m.put("experiment", e.experiment());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> summary(RunEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("experiment", e.experiment());
        m.put("status", e.status());
        m.put("start", e.start());
        m.put("folder", e.folder().toString());
        m.put("parameters", e.parameters());
        return m;
    }

    private static Response notFound(String what) {
        return new Response(404, "text/html; charset=utf-8", Layout.page("not found", "<p class=\"error\">"
                + Html.esc(what) + "</p>", ""));
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}
