package org.milab.plugins.neural;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.milab.plugins.plot.FigureFiles;
import org.milab.plugins.plot.FigureStyle;

/**
 * Draws the staircase figure in the shared figure style (plot-kit): one panel per bound with its per-step
 * estimates (light), their trailing moving average (dark), the true MI (black) and, for reference,
 * {@code log(batch)} (dashed grey), each named in the panel's legend. The y axis is clipped to [-1, max truth + 4]
 * nats, so diverging bounds stay readable; a panel whose values leave that range says so in its title. Saved as
 * PNG and SVG side by side.
 */
final class StaircasePlot {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 320;
    private static final int RAW_STRIDE = 5;
    private static final double Y_LOW = -1.0;
    private static final double HEADROOM = 4.0;
    private static final Color RAW = new Color(0x9CC3E6);

    private StaircasePlot() {
    }

    /** Writes the figure to {@code file} (a {@code .png} path; the {@code .svg} goes beside it). */
    static void write(Path file, String title, List<StaircaseRun> runs, float[] truth, int smoothing, double logBatch) {
        double top = 0;
        for (float t : truth) {
            top = Math.max(top, t);
        }
        List<XYChart> panels = new ArrayList<>();
        for (StaircaseRun run : runs) {
            panels.add(panel(title, run, truth, smoothing, logBatch, top + HEADROOM));
        }
        int cols = Math.min(4, runs.size());
        int rows = (runs.size() + cols - 1) / cols;
        String name = file.getFileName().toString().replaceFirst("\\.png$", "");
        FigureFiles.save(panels, rows, cols, file.resolveSibling(name));
    }

    static XYChart panel(String title, StaircaseRun run, float[] truth, int smoothing, double logBatch,
                                 double yMax) {
        XYChart chart = FigureStyle.chart(PANEL_WIDTH, PANEL_HEIGHT, run.label() + (run.divergedAt() > 0
                ? " (diverged at " + run.divergedAt() + ")" : "") + " - " + title, "training step", "MI [nats]");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLegendFont(chart.getStyler().getLegendFont().deriveFont(9f));
        chart.getStyler().setLegendPadding(4);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(11f));
        estimates(chart, run, smoothing, yMax);
        truth(chart, truth, logBatch);
        return chart;
    }

    /** Every {@value #RAW_STRIDE}th per-step estimate and their moving average, both clamped to {@code yMax}. */
    private static void estimates(XYChart chart, StaircaseRun run, int smoothing, double yMax) {
        int steps = run.steps();
        double[] rawX = new double[(steps + RAW_STRIDE - 1) / RAW_STRIDE];
        double[] rawY = new double[rawX.length];
        for (int i = 0, k = 0; i < steps; i += RAW_STRIDE, k++) {
            rawX[k] = i + 1;
            rawY[k] = run.values()[i];
        }
        double[] x = new double[steps];
        double[] smooth = movingAverage(run.values(), smoothing, x);
        FigureStyle.clipY(chart, Y_LOW, yMax, rawY, smooth);
        FigureStyle.line(chart, "estimate (every " + RAW_STRIDE + "th step)", rawX, clamped(rawY, yMax), RAW, 0.8f);
        FigureStyle.line(chart, "moving average (" + smoothing + " steps)", x, clamped(smooth, yMax),
                FigureStyle.colour(0), 2f);
    }

    /** The true MI per step and the log-batch reference line. */
    private static void truth(XYChart chart, float[] truth, double logBatch) {
        double[] tx = new double[truth.length];
        double[] ty = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            tx[i] = i + 1;
            ty[i] = truth[i];
        }
        FigureStyle.truth(chart, "true MI", tx, ty);
        FigureStyle.reference(chart, "log batch", new double[] {1, truth.length}, new double[] {logBatch, logBatch});
    }

    /** The trailing mean over {@code window} steps; fills {@code x} with the step numbers 1..n. */
    private static double[] movingAverage(float[] values, int window, double[] x) {
        double[] smooth = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            smooth[i] = sum / Math.min(i + 1, window);
        }
        return smooth;
    }

    private static double[] clamped(double[] v, double high) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = FigureStyle.clamp(v[i], Y_LOW, high);
        }
        return out;
    }
}
