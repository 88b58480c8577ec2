package org.milab.platform.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plots of each result over the swept parameters: one chart per estimating node (the estimate with its standard
 * error as error bars, the truth dashed) and one per numeric metric of a training result or scalar of an analysis
 * (when it has at most {@value #MAX_SCALARS}; more stay in its table). The swept
 * parameter with the most values is the x axis (numeric when every value is a number, else one slot per value,
 * drawn as points); each combination of the other swept values is a series.
 */
final class SweepPlots {

    private static final int MAX_SERIES = 4;
    private static final int MAX_CHARTS = 30;
    /** An analysis with more scalars than this gets no plots of them (they stay in its table). */
    private static final int MAX_SCALARS = 8;

    /**
     * One value of one chart at one sweep point.
     *
     * @param chart the chart it belongs to (its title)
     * @param yLabel the y axis label, with the unit
     * @param sweep the swept values at the point
     * @param value the value
     * @param err its standard error, NaN when none
     * @param truth the known truth, NaN when none
     */
    record Value(String chart, String yLabel, Map<String, Object> sweep, double value, double err, double truth) {
    }

    private SweepPlots() {
    }

    /** The charts as SVG elements; none when the run has fewer than two points. */
    static List<String> svgs(List<EstimateRow> estimates, Map<String, Object> results) {
        List<?> points = RunData.list(results.get("points"));
        if (points.size() < 2 || RunData.map(RunData.map(points.get(0)).get("sweep")).isEmpty()) {
            return List.of();
        }
        List<Value> values = new ArrayList<>();
        estimates.forEach(r -> values.add(new Value(r.node() + " (" + r.extension() + ")", "MI (nats)", r.sweep(),
                r.mi(), r.stderr(), r.truth())));
        values.addAll(resultMetrics(points));
        String axis = widestKey(values);
        List<String> xs = distinct(values, axis);
        boolean numeric = xs.stream().allMatch(SweepPlots::isNumber);
        Map<String, List<Value>> byChart = new LinkedHashMap<>();
        values.forEach(v -> byChart.computeIfAbsent(v.chart(), k -> new ArrayList<>()).add(v));
        List<String> svgs = new ArrayList<>();
        byChart.entrySet().stream().limit(MAX_CHARTS).forEach(c -> svgs.add(chart(c.getKey(), c.getValue(), axis, xs,
                numeric)));
        return svgs;
    }

    /** Numeric metrics of training results and scalars of analysis results, per point. */
    private static List<Value> resultMetrics(List<?> points) {
        List<Value> out = new ArrayList<>();
        for (Object p : points) {
            Map<String, Object> sweep = RunData.map(RunData.map(p).get("sweep"));
            RunData.map(RunData.map(p).get("nodes")).forEach((node, n) -> {
                Map<String, Object> result = RunData.map(RunData.map(RunData.map(n).get("outputs")).get("result"));
                Map<String, Object> numbers = new LinkedHashMap<>(RunData.map(result.get("metrics")));
                Map<String, Object> scalars = RunData.map(result.get("scalars"));
                if (scalars.size() <= MAX_SCALARS) {
                    numbers.putAll(scalars);
                }
                numbers.forEach((metric, v) -> {
                    if (v instanceof Number x && !metric.equals("epochs")) {
                        out.add(new Value(node + ": " + metric, metric, sweep, x.doubleValue(), Double.NaN,
                                Double.NaN));
                    }
                });
            });
        }
        return out;
    }

    private static String chart(String title, List<Value> vs, String axis, List<String> xs, boolean numeric) {
        LineChart chart = new LineChart(title + " over " + axis, axis, vs.get(0).yLabel());
        if (!numeric) {
            chart.categories(xs);
        }
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        vs.forEach(v -> groups.computeIfAbsent(others(v, axis), k -> new ArrayList<>()).add(v));
        groups.entrySet().stream().limit(MAX_SERIES).forEach(g -> add(chart, g.getKey(), g.getValue(), axis, xs,
                numeric));
        String note = groups.size() > MAX_SERIES ? "<p class=\"note\">showing " + MAX_SERIES + " of " + groups.size()
                + " combinations of the other swept values</p>" : "";
        return chart.toSvg(720, 340) + note;
    }

    private static void add(LineChart chart, String label, List<Value> vs, String axis, List<String> xs,
            boolean numeric) {
        double[] x = new double[vs.size()];
        double[] y = new double[vs.size()];
        double[] se = new double[vs.size()];
        double[] truth = new double[vs.size()];
        boolean anyTruth = false;
        for (int i = 0; i < vs.size(); i++) {
            String v = String.valueOf(vs.get(i).sweep().get(axis));
            x[i] = numeric ? Double.parseDouble(v) : xs.indexOf(v);
            y[i] = vs.get(i).value();
            se[i] = vs.get(i).err();
            truth[i] = vs.get(i).truth();
            anyTruth |= Double.isFinite(truth[i]);
        }
        boolean anyErr = java.util.Arrays.stream(se).anyMatch(Double::isFinite);
        String suffix = label.isEmpty() ? "" : " (" + label + ")";
        chart.add(new LineChart.Series((anyErr ? "value \u00b1 s.e." : "value") + suffix, x, y, se, false));
        if (anyTruth) {
            chart.add(new LineChart.Series("truth" + suffix, x, truth, null, true));
        }
    }

    private static String widestKey(List<Value> values) {
        String best = null;
        int most = -1;
        for (String k : values.get(0).sweep().keySet()) {
            int n = distinct(values, k).size();
            if (n > most) {
                best = k;
                most = n;
            }
        }
        return best;
    }

    private static List<String> distinct(List<Value> values, String key) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(String.valueOf(v.sweep().get(key))));
        return new ArrayList<>(out);
    }

    private static String others(Value v, String axis) {
        StringBuilder s = new StringBuilder();
        v.sweep().forEach((k, x) -> {
            if (!k.equals(axis)) {
                s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(x);
            }
        });
        return s.toString();
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
