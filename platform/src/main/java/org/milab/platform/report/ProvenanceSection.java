package org.milab.platform.report;

import java.util.List;
import java.util.Map;

/**
 * The provenance of a run as HTML: versions, command line, experiment file and git commit, seeds, machine, times,
 * every plugin with its SHA-256 and, when the provenance records one, its signer; the extensions used with their
 * citations.
 */
final class ProvenanceSection {

    private static final List<String> FACTS = List.of("status", "error", "milab", "pluginApi", "experimentFile",
            "gitCommit", "seed", "jvm", "os", "cpus", "host", "start", "end");

    private ProvenanceSection() {
    }

    static String html(Map<String, Object> prov) {
        if (prov.isEmpty()) {
            return "<p class=\"note\">no provenance.json yet (the run is running or was interrupted)</p>";
        }
        StringBuilder h = new StringBuilder("<table class=\"facts\">");
        appendFacts(h, prov);
        appendPlugins(h, prov);
        appendNodeSeeds(h, prov);
        appendExtensions(h, prov);
        return h.append("</ul>").toString();
    }

    /** The facts that are present, then the command line. */
    private static void appendFacts(StringBuilder h, Map<String, Object> prov) {
        for (String k : FACTS) {
            if (prov.containsKey(k)) {
                h.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(plain(prov.get(k))))
                        .append("</td></tr>");
            }
        }
        h.append("<tr><th>commandLine</th><td><code>milab ")
                .append(Html.esc(String.join(" ", RunData.list(prov.get("commandLine")).stream()
                        .map(String::valueOf).toList()))).append("</code></td></tr></table>");
    }

    private static void appendPlugins(StringBuilder h, Map<String, Object> prov) {
        h.append("<h3>Plugins</h3><table><tr><th>plugin</th><th>version</th><th>state</th><th>SHA-256</th>"
                + "<th>signer</th></tr>");
        for (Object o : RunData.list(prov.get("plugins"))) {
            Map<String, Object> p = RunData.map(o);
            h.append("<tr><td>").append(Html.esc(plain(p.get("id")))).append("</td><td>")
                    .append(Html.esc(plain(p.get("version")))).append("</td><td>").append(Html.esc(plain(p.get("state"))))
                    .append(p.containsKey("problem") ? " (" + Html.esc(plain(p.get("problem"))) + ")" : "")
                    .append("</td><td><code class=\"hash\">").append(Html.esc(plain(p.get("sha256"))))
                    .append("</code></td><td>").append(Html.esc(signer(p))).append("</td></tr>");
        }
    }

    private static void appendNodeSeeds(StringBuilder h, Map<String, Object> prov) {
        h.append("</table><h3>Node seeds</h3><table><tr><th>node</th><th>seed</th></tr>");
        RunData.map(prov.get("nodeSeeds")).forEach((node, seed) -> h.append("<tr><td>").append(Html.esc(node))
                .append("</td><td>").append(Html.esc(plain(seed))).append("</td></tr>"));
    }

    /** Each extension used, with its citations. */
    private static void appendExtensions(StringBuilder h, Map<String, Object> prov) {
        h.append("</table><h3>Extensions used and what to cite</h3><ul>");
        RunData.map(prov.get("extensionsUsed")).forEach((ext, info) -> {
            h.append("<li><b>").append(Html.esc(ext)).append("</b>");
            for (Object c : RunData.list(RunData.map(info).get("citations"))) {
                h.append("<br>").append(Html.esc(c));
            }
            h.append("</li>");
        });
    }

    /** The plugin's signer as recorded ({@code signer}, a name or a map of fields), else "unsigned". */
    static String signer(Map<String, Object> plugin) {
        Object s = plugin.get("signer");
        if (s == null) {
            return "\u2014";
        }
        if (s instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder();
            m.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(": ").append(plain(v)));
            return out.toString();
        }
        return plain(s);
    }

    /** A JSON value as text; whole doubles (Gson reads every number as a double) without ".0". */
    static String plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
