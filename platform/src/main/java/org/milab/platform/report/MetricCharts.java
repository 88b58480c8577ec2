package org.milab.platform.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metric curves ({@code metrics.csv}) as charts: one chart per node and metric, one series per sweep point, or per
 * run when several runs are overlaid for comparison.
 */
public final class MetricCharts {

    private static final int MAX_CHARTS = 40;
    private static final int MAX_SERIES = 8;

    private MetricCharts() {
    }

    /** The charts of the runs, each labelled in the legends by its key. */
    public static List<String> svgs(Map<String, RunData> runs) {
        Charts charts = new Charts(runs.size() > 1);
        runs.forEach(charts::addRun);
        return charts.svgs();
    }

    /** The charts drawn so far, at most {@link #MAX_CHARTS}, and how many series each was offered. */
    private static final class Charts {
        private final Map<String, LineChart> charts = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final boolean several;

        Charts(boolean several) {
            this.several = several;
        }

        void addRun(String label, RunData run) {
            for (RunData.NodeMetrics m : run.metrics()) {
                m.series().forEach((series, curve) -> add(label, m.node(), series, curve));
            }
        }

        /** Adds a curve to the chart of its node and metric, unless that chart or the chart count is full. */
        private void add(String label, String folder, String series, RunData.Curve curve) {
            int cut = series.lastIndexOf(MetricsCsv.SEGMENT);
            String metric = cut < 0 ? series : series.substring(0, cut);
            String fit = cut < 0 ? "" : series.substring(cut + MetricsCsv.SEGMENT.length());
            String key = nodeId(folder) + " \u2014 " + metric;
            if (!charts.containsKey(key) && charts.size() == MAX_CHARTS) {
                return;
            }
            LineChart c = charts.computeIfAbsent(key, k -> new LineChart(k, "step", metric));
            if (counts.merge(key, 1, Integer::sum) <= MAX_SERIES) {
                c.add(LineChart.Series.of(name(several ? label : "", pointOf(folder), fit, metric), curve.steps(),
                        curve.values()));
            }
        }

        List<String> svgs() {
            List<String> out = new ArrayList<>();
            charts.forEach((key, chart) -> {
                int n = counts.get(key);
                out.add(chart.toSvg(560, 300) + (n > MAX_SERIES ? "<p class=\"note\">showing " + MAX_SERIES + " of "
                        + n + " series</p>" : ""));
            });
            return out;
        }
    }

    /** A legend label: the run (when several), the sweep point and the fit, else the metric's name. */
    private static String name(String run, String point, String fit, String metric) {
        List<String> parts = new ArrayList<>();
        if (!run.isEmpty()) {
            parts.add(run);
        }
        if (!point.isEmpty()) {
            parts.add("point " + point);
        }
        if (!fit.isEmpty()) {
            parts.add("fit " + fit);
        }
        return parts.isEmpty() ? metric : String.join(", ", parts);
    }

    /** {@code points/3/vib/critic} -> {@code vib/critic}; {@code nodes/ksg} -> {@code ksg}. */
    static String nodeId(String folder) {
        return folder.startsWith("points/") ? folder.replaceFirst("^points/[^/]+/", "")
                : folder.replaceFirst("^nodes/", "");
    }

    private static String pointOf(String folder) {
        return folder.startsWith("points/") ? folder.split("/")[1] : "";
    }
}
