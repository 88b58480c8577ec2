package org.milab.plugins.kd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The CCH figure: measured KD gain (with 95% intervals) against the MI gap, with both zero lines. */
final class CchPlot {

    private CchPlot() {
    }

    /** Writes {@code cch.png} into {@code dir}; one point per level. */
    static Path write(Path dir, List<Cch.Level> levels, String gainLabel) {
        XYChart chart = new XYChartBuilder().width(720).height(480)
                .title("Cross-modal KD gain against the CCH gap I(T;S) - I(S;Y)")
                .xAxisTitle("gap I(T;S) - I(S;Y)  [nats]").yAxisTitle(gainLabel).build();
        chart.getStyler().setLegendVisible(true);
        int n = levels.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] err = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Cch.Level l = levels.get(i);
            x[i] = l.gap();
            y[i] = l.gain().mean();
            err[i] = Double.isNaN(l.gain().high()) ? 0 : l.gain().high() - l.gain().mean();
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
            ylo = Math.min(ylo, y[i] - err[i]);
            yhi = Math.max(yhi, y[i] + err[i]);
        }
        XYSeries points = chart.addSeries("KD - no KD (mean, 95% CI over seeds)", x, y, err);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double pad = Math.max(0.05, 0.1 * (hi - lo));
        chart.addSeries("no gain", new double[] {Math.min(lo, 0) - pad, Math.max(hi, 0) + pad}, new double[] {0, 0})
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("CCH threshold (gap = 0)", new double[] {0, 0},
                new double[] {Math.min(ylo, 0) - 0.01, Math.max(yhi, 0) + 0.01}).setMarker(SeriesMarkers.NONE);
        Path file = dir.resolve("cch.png");
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
