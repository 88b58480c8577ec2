package org.milab.platform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One estimate of a run, read from {@code results.json}.
 *
 * @param point the sweep point index
 * @param sweep the swept values at that point
 * @param node node id
 * @param extension the extension that estimated
 * @param mi the estimate (nats)
 * @param stderr its standard error, NaN when none was asked
 * @param truth the known MI, NaN when unknown
 * @param logRatio ln(estimate / truth), NaN when undefined
 * @param n sample count
 * @param seconds time the node took
 */
public record EstimateRow(int point, Map<String, Object> sweep, String node, String extension, double mi,
        double stderr, double truth, double logRatio, double n, double seconds) {

    /** Every estimate in {@code results}, point by point. */
    public static List<EstimateRow> of(Map<String, Object> results) {
        List<EstimateRow> rows = new ArrayList<>();
        List<?> points = RunData.list(results.get("points"));
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> p = RunData.map(points.get(i));
            Map<String, Object> sweep = RunData.map(p.get("sweep"));
            int point = i;
            RunData.map(p.get("nodes")).forEach((id, node) -> of(point, sweep, id, RunData.map(node))
                    .ifPresent(rows::add));
        }
        return rows;
    }

    /** The row of node {@code id}, when it has an estimate. */
    private static java.util.Optional<EstimateRow> of(int point, Map<String, Object> sweep, String id,
            Map<String, Object> node) {
        Map<String, Object> est = RunData.map(RunData.map(node.get("outputs")).get("estimate"));
        if (est.get("mi") == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new EstimateRow(point, sweep, id, String.valueOf(node.get("extension")),
                d(est.get("mi")), d(est.get("stderr")), d(RunData.map(node.get("truth")).get("mi")),
                d(node.get("logRatio")), d(est.get("n")), d(node.get("seconds"))));
    }

    /** A JSON number as a double, NaN when absent or not a number. */
    static double d(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
