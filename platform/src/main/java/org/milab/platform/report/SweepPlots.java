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

    /**
     * The x axis: the swept parameter with the most values, and those values.
     *
     * @param numeric whether every value is a number (else each value is a category slot)
     */
    private record XAxis(String key, List<String> values, boolean numeric) {
        static XAxis of(List<Value> values) {
            String key = widestKey(values);
            List<String> xs = distinct(values, key);
            return new XAxis(key, xs, xs.stream().allMatch(SweepPlots::isNumber));
        }

        /** Where {@code v} is on the axis. */
        double x(Value v) {
            String s = String.valueOf(v.sweep().get(key));
            return numeric ? Double.parseDouble(s) : values.indexOf(s);
        }
    }

    /** The charts as SVG elements; none when the run has fewer than two points. */
    static List<String> svgs(List<EstimateRow> estimates, Map<String, Object> results) {
        List<?> points = RunData.list(results.get("points"));
        if (points.size() < 2 || RunData.map(RunData.map(points.get(0)).get("sweep")).isEmpty()) {
            return List.of();
        }
        List<Value> values = values(estimates, points);
        XAxis axis = XAxis.of(values);
        Map<String, List<Value>> byChart = new LinkedHashMap<>();
        values.forEach(v -> byChart.computeIfAbsent(v.chart(), k -> new ArrayList<>()).add(v));
        List<String> svgs = new ArrayList<>();
        byChart.entrySet().stream().limit(MAX_CHARTS).forEach(c -> svgs.add(chart(c.getKey(), c.getValue(), axis)));
        return svgs;
    }

    /** The estimates, then the numbers of training and analysis results. */
    private static List<Value> values(List<EstimateRow> estimates, List<?> points) {
        List<Value> values = new ArrayList<>();
        estimates.forEach(r -> values.add(new Value(r.node() + " (" + r.extension() + ")", "MI (nats)", r.sweep(),
                r.mi(), r.stderr(), r.truth())));
        values.addAll(resultMetrics(points));
        return values;
    }

    /** Numeric metrics of training results and scalars of analysis results, per point. */
    private static List<Value> resultMetrics(List<?> points) {
        List<Value> out = new ArrayList<>();
        for (Object p : points) {
            Map<String, Object> sweep = RunData.map(RunData.map(p).get("sweep"));
            RunData.map(RunData.map(p).get("nodes")).forEach((node, n) -> addNumbers(out, node, n, sweep));
        }
        return out;
    }

    /** The node's training metrics (but epochs) and, when there are few, its analysis scalars. */
    private static void addNumbers(List<Value> out, String node, Object n, Map<String, Object> sweep) {
        Map<String, Object> result = RunData.map(RunData.map(RunData.map(n).get("outputs")).get("result"));
        Map<String, Object> numbers = new LinkedHashMap<>(RunData.map(result.get("metrics")));
        Map<String, Object> scalars = RunData.map(result.get("scalars"));
        if (scalars.size() <= MAX_SCALARS) {
            numbers.putAll(scalars);
        }
        numbers.forEach((metric, v) -> {
            if (v instanceof Number x && !metric.equals("epochs")) {
                out.add(new Value(node + ": " + metric, metric, sweep, x.doubleValue(), Double.NaN, Double.NaN));
            }
        });
    }

    private static String chart(String title, List<Value> vs, XAxis axis) {
        LineChart chart = new LineChart(title + " over " + axis.key(), axis.key(), vs.get(0).yLabel());
        if (!axis.numeric()) {
            chart.categories(axis.values());
        }
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        vs.forEach(v -> groups.computeIfAbsent(others(v, axis.key()), k -> new ArrayList<>()).add(v));
        groups.entrySet().stream().limit(MAX_SERIES).forEach(g -> add(chart, g.getKey(), g.getValue(), axis));
        String note = groups.size() > MAX_SERIES ? "<p class=\"note\">showing " + MAX_SERIES + " of " + groups.size()
                + " combinations of the other swept values</p>" : "";
        return chart.toSvg(720, 340) + note;
    }

    /** The values with their error bars as one series, and the truth, where known, as a dashed one. */
    private static void add(LineChart chart, String label, List<Value> vs, XAxis axis) {
        double[] x = column(vs, axis::x);
        double[] y = column(vs, Value::value);
        double[] se = column(vs, Value::err);
        double[] truth = column(vs, Value::truth);
        boolean anyTruth = java.util.Arrays.stream(truth).anyMatch(Double::isFinite);
        boolean anyErr = java.util.Arrays.stream(se).anyMatch(Double::isFinite);
        String suffix = label.isEmpty() ? "" : " (" + label + ")";
        chart.add(new LineChart.Series((anyErr ? "value \u00b1 s.e." : "value") + suffix, x, y, se, false));
        if (anyTruth) {
            chart.add(new LineChart.Series("truth" + suffix, x, truth, null, true));
        }
    }

    private static double[] column(List<Value> vs, java.util.function.ToDoubleFunction<Value> f) {
        double[] out = new double[vs.size()];
        for (int i = 0; i < vs.size(); i++) {
            out[i] = f.applyAsDouble(vs.get(i));
        }
        return out;
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
