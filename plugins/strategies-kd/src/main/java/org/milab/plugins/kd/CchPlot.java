package org.milab.plugins.kd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.milab.plugins.plot.FigureFiles;
import org.milab.plugins.plot.FigureStyle;

/**
 * The CCH figure in the shared figure style (plot-kit): the measured KD gain (mean over seeds, vertical bars its 95%
 * interval) against the MI gap I(T;S) - I(S;Y) (horizontal bars its 95% interval over seeds, when known), with the
 * no-gain line and the CCH threshold (gap = 0) dashed. Saved as {@code cch.png} and {@code cch.svg}.
 */
final class CchPlot {

    /**
     * One level's point.
     *
     * @param gap the gap, nats (mean over seeds)
     * @param gapLow lower end of its 95% interval, NaN when unknown
     * @param gapHigh upper end, NaN when unknown
     * @param gain the gain with its interval
     */
    record Point(double gap, double gapLow, double gapHigh, MeanInterval gain) {
    }

    private CchPlot() {
    }

    /**
     * Writes {@code cch.png} (and {@code cch.svg}) into {@code dir}: one point per level, with the 95% intervals of
     * both the gain and the gap over the seeds.
     */
    static Path write(Path dir, List<Cch.Level> levels, String gainLabel) {
        List<Point> points = new ArrayList<>();
        levels.forEach(l -> points.add(new Point(l.gap(), l.gapInterval().low(), l.gapInterval().high(), l.gain())));
        return writePoints(dir, points, gainLabel);
    }

    /** Writes {@code cch.png} (and {@code cch.svg}) into {@code dir}. */
    static Path writePoints(Path dir, List<Point> points, String gainLabel) {
        boolean gapIntervals = points.stream().anyMatch(p -> Double.isFinite(p.gapLow()) && Double.isFinite(p.gapHigh()));
        XYChart chart = FigureStyle.chart(720, 480, "Cross-modal KD gain against the CCH gap I(T;S) - I(S;Y)",
                "gap I(T;S) - I(S;Y) [nats]" + (gapIntervals ? "" : " (mean over seeds; no interval recorded)"),
                gainLabel);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        double[] range = gainPoints(chart, points);
        if (gapIntervals) {
            gapBars(chart, points);
        }
        referenceLines(chart, range);
        return FigureFiles.save(chart, dir.resolve("cch"));
    }

    /** Each point's gain with its 95% bar; the range {xmin, xmax, ymin, ymax} that the points and all bars span. */
    private static double[] gainPoints(XYChart chart, List<Point> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        double[] err = new double[points.size()];
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            x[i] = p.gap();
            y[i] = p.gain().mean();
            err[i] = Double.isNaN(p.gain().high()) ? 0 : p.gain().high() - p.gain().mean();
            extend(range, Double.isFinite(p.gapLow()) ? p.gapLow() : x[i], Double.isFinite(p.gapHigh()) ? p.gapHigh()
                    : x[i], y[i] - err[i], y[i] + err[i]);
        }
        FigureStyle.pointsWithErrors(chart, "KD - no KD (mean, 95% CI over seeds)", x, y, err, FigureStyle.colour(0));
        return range;
    }

    /** The dashed no-gain line (gain = 0) and CCH threshold (gap = 0) across {@code range}, padded. */
    private static void referenceLines(XYChart chart, double[] range) {
        double pad = Math.max(0.05, 0.1 * (range[1] - range[0]));
        FigureStyle.reference(chart, "no gain", new double[] {Math.min(range[0], 0) - pad, Math.max(range[1], 0) + pad},
                new double[] {0, 0});
        FigureStyle.reference(chart, "CCH threshold (gap = 0)", new double[] {0, 0},
                new double[] {Math.min(range[2], 0) - 0.01, Math.max(range[3], 0) + 0.01})
                .setLineColor(FigureStyle.colour(3));
    }

    /** One horizontal bar per point with a known gap interval; the first names them all in the legend. */
    private static void gapBars(XYChart chart, List<Point> points) {
        boolean first = true;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!Double.isFinite(p.gapLow()) || !Double.isFinite(p.gapHigh())) {
                continue;
            }
            XYSeries bar = FigureStyle.line(chart, first ? "gap 95% CI over seeds" : "gap CI " + i,
                    new double[] {p.gapLow(), p.gapHigh()}, new double[] {p.gain().mean(), p.gain().mean()},
                    FigureStyle.colour(0), 1.2f);
            bar.setShowInLegend(first);
            first = false;
        }
    }

    private static void extend(double[] range, double xlo, double xhi, double ylo, double yhi) {
        range[0] = Math.min(range[0], xlo);
        range[1] = Math.max(range[1], xhi);
        range[2] = Math.min(range[2], ylo);
        range[3] = Math.max(range[3], yhi);
    }
}
