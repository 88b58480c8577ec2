package org.milab.platform.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plots of each estimate over the swept parameters: one chart per estimating node, the swept parameter with the
 * most values on the x axis (numeric when every value is a number, else one slot per value), one series per
 * combination of the other swept values, with standard errors as error bars and the truth dashed.
 */
final class SweepPlots {

    private static final int MAX_SERIES = 8;

    private SweepPlots() {
    }

    /** The charts as SVG elements; none when the run has fewer than two points. */
    static List<String> svgs(List<EstimateRow> rows) {
        Set<Integer> points = new LinkedHashSet<>();
        rows.forEach(r -> points.add(r.point()));
        if (points.size() < 2 || rows.get(0).sweep().isEmpty()) {
            return List.of();
        }
        String axis = widestKey(rows);
        List<String> values = distinct(rows, axis);
        boolean numeric = values.stream().allMatch(SweepPlots::isNumber);
        Map<String, List<EstimateRow>> byNode = new LinkedHashMap<>();
        rows.forEach(r -> byNode.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(r));
        List<String> svgs = new ArrayList<>();
        byNode.forEach((node, rs) -> {
            LineChart chart = new LineChart(node + " (" + rs.get(0).extension() + ") over " + axis, axis,
                    "MI (nats)");
            if (!numeric) {
                chart.categories(values);
            }
            Map<String, List<EstimateRow>> groups = new LinkedHashMap<>();
            rs.forEach(r -> groups.computeIfAbsent(others(r, axis), k -> new ArrayList<>()).add(r));
            int shown = 0;
            for (Map.Entry<String, List<EstimateRow>> g : groups.entrySet()) {
                if (shown++ == MAX_SERIES / 2) {
                    break;
                }
                add(chart, g.getKey(), g.getValue(), axis, values, numeric);
            }
            String note = groups.size() > MAX_SERIES / 2 ? "<p class=\"note\">showing " + MAX_SERIES / 2 + " of "
                    + groups.size() + " combinations of the other swept values</p>" : "";
            svgs.add(chart.toSvg(720, 340) + note);
        });
        return svgs;
    }

    private static void add(LineChart chart, String label, List<EstimateRow> rs, String axis, List<String> values,
            boolean numeric) {
        double[] x = new double[rs.size()];
        double[] y = new double[rs.size()];
        double[] se = new double[rs.size()];
        double[] truth = new double[rs.size()];
        boolean anyTruth = false;
        for (int i = 0; i < rs.size(); i++) {
            String v = String.valueOf(rs.get(i).sweep().get(axis));
            x[i] = numeric ? Double.parseDouble(v) : values.indexOf(v);
            y[i] = rs.get(i).mi();
            se[i] = rs.get(i).stderr();
            truth[i] = rs.get(i).truth();
            anyTruth |= Double.isFinite(truth[i]);
        }
        String suffix = label.isEmpty() ? "" : " (" + label + ")";
        chart.add(new LineChart.Series("estimate \u00b1 s.e." + suffix, x, y, se, false));
        if (anyTruth) {
            chart.add(new LineChart.Series("truth" + suffix, x, truth, null, true));
        }
    }

    private static String widestKey(List<EstimateRow> rows) {
        String best = null;
        int most = -1;
        for (String k : rows.get(0).sweep().keySet()) {
            int n = distinct(rows, k).size();
            if (n > most) {
                best = k;
                most = n;
            }
        }
        return best;
    }

    private static List<String> distinct(List<EstimateRow> rows, String key) {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(String.valueOf(r.sweep().get(key))));
        return new ArrayList<>(out);
    }

    private static String others(EstimateRow r, String axis) {
        StringBuilder s = new StringBuilder();
        r.sweep().forEach((k, v) -> {
            if (!k.equals(axis)) {
                s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v);
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
