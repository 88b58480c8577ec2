package org.milab.plugins.neural;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the staircase figure: one panel per bound with its per-step estimates (light), their trailing moving
 * average (dark), the true MI (black steps) and, for reference, {@code log(batch)} (dashed), in a grid saved as PNG.
 */
final class StaircasePlot {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 320;
    private static final int RAW_STRIDE = 5;

    private StaircasePlot() {
    }

    /** Writes the figure to {@code file}. */
    static void write(Path file, String title, List<StaircaseRun> runs, float[] truth, int smoothing, double logBatch) {
        List<XYChart> panels = new ArrayList<>();
        double top = 0;
        for (float t : truth) {
            top = Math.max(top, t);
        }
        for (StaircaseRun run : runs) {
            panels.add(panel(title, run, truth, smoothing, logBatch, top + 4));
        }
        int cols = Math.min(4, runs.size());
        int rows = (runs.size() + cols - 1) / cols;
        try {
            BitmapEncoder.saveBitmap(panels, rows, cols, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staircase figure " + file, e);
        }
    }

    private static XYChart panel(String title, StaircaseRun run, float[] truth, int smoothing, double logBatch,
                                 double yMax) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(run.label() + (run.divergedAt() > 0 ? " (diverged at " + run.divergedAt() + ")" : "")
                        + " - " + title).xAxisTitle("step").yAxisTitle("MI (nats)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(-1.0);
        chart.getStyler().setYAxisMax(yMax);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(11f));
        int steps = run.steps();
        double[] rawX = new double[(steps + RAW_STRIDE - 1) / RAW_STRIDE];
        double[] rawY = new double[rawX.length];
        for (int i = 0, k = 0; i < steps; i += RAW_STRIDE, k++) {
            rawX[k] = i + 1;
            rawY[k] = clamp(run.values()[i], -1, yMax);
        }
        line(chart, "estimate", rawX, rawY, new Color(120, 160, 220), 0.8f);
        double[] x = new double[steps];
        double[] smooth = new double[steps];
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            x[i] = i + 1;
            sum += run.values()[i];
            if (i >= smoothing) {
                sum -= run.values()[i - smoothing];
            }
            smooth[i] = clamp(sum / Math.min(i + 1, smoothing), -1, yMax);
        }
        line(chart, "smoothed", x, smooth, new Color(20, 60, 150), 2f);
        double[] tx = new double[truth.length];
        double[] ty = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            tx[i] = i + 1;
            ty[i] = truth[i];
        }
        line(chart, "true MI", tx, ty, Color.BLACK, 1.5f);
        XYSeries cap = line(chart, "log batch", new double[] {1, truth.length}, new double[] {logBatch, logBatch},
                Color.GRAY, 1f);
        cap.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        return s;
    }

    private static double clamp(double v, double low, double high) {
        return Double.isNaN(v) ? low : Math.max(low, Math.min(high, v));
    }
}
