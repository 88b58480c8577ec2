package org.milab.platform.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milab.platform.executor.ClusterEngine;
import org.milab.platform.run.PointTask;
import org.milab.platform.run.RunReport;
import org.milab.platform.run.RunRequest;
import org.milab.platform.run.RunService;

/** {@code milab run --executor spark}: the run's points as cluster tasks, and a summary from their results. */
final class RemoteRun {

    private RemoteRun() {
    }

    /** Runs {@code request} (read with {@code sets}) on {@code engine}, then disconnects. */
    static RunReport run(RunService service, RunRequest request, List<String> sets, ClusterEngine engine) {
        try (engine) {
            return service.run(request, engine.points(PointTask.of(request.graph(), sets)));
        }
    }

    /** One row per estimate of the run's {@code results.json}: the point's swept values, node, MI and its error. */
    static void printSummary(PrintWriter out, RunReport report) {
        List<String> header = new ArrayList<>(report.graph().sweep().keySet());
        header.addAll(List.of("node", "estimate (nats)", "stderr", "truth"));
        TextTable table = new TextTable(header);
        for (Object p : (List<?>) report.results().get("points")) {
            Map<?, ?> point = (Map<?, ?>) p;
            Map<?, ?> sweep = (Map<?, ?>) point.get("sweep");
            ((Map<?, ?>) point.get("nodes")).forEach((id, node) -> {
                Map<?, ?> outputs = (Map<?, ?>) ((Map<?, ?>) node).get("outputs");
                if (outputs.get("estimate") instanceof Map<?, ?> e) {
                    List<String> row = new ArrayList<>();
                    report.graph().sweep().keySet().forEach(k -> row.add(String.valueOf(sweep.get(k))));
                    row.add(String.valueOf(id));
                    row.add(number(e.get("mi")));
                    row.add(number(e.get("stderr")));
                    Object truth = ((Map<?, ?>) node).get("truth");
                    row.add(truth instanceof Map<?, ?> t ? number(t.get("mi")) : "");
                    table.add(row);
                }
            });
        }
        out.print(table);
    }

    private static String number(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.6f", n.doubleValue()) : "";
    }
}
