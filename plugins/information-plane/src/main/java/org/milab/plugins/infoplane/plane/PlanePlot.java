package org.milab.plugins.infoplane.plane;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of the analysis, each written as PNG and SVG: the classic information plane (I(X;T) across, I(T;Y) up;
 * one grey line per layer through its epochs, the points coloured from dark to light by log epoch, as in
 * Shwartz-Ziv and Tishby 2017, Fig. 2) and I(X;T) against epoch per layer with the seeds' t-interval as thin lines.
 */
final class PlanePlot {

    private static final Color[] VIRIDIS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};

    private PlanePlot() {
    }

    /** The information plane of one estimator's curves; returns the PNG and SVG files. */
    static List<Path> plane(Path dir, String stem, String estimator, List<LayerCurve> curves) {
        XYChart chart = new XYChartBuilder().width(760).height(560).title("Information plane: " + estimator)
                .xAxisTitle("I(X;T)  [bits]").yAxisTitle("I(T;Y)  [bits]").build();
        chart.getStyler().setLegendVisible(true);
        curves.forEach(c -> addLayerPath(chart, c));
        TreeSet<Integer> epochs = new TreeSet<>();
        curves.forEach(c -> Arrays.stream(c.epochs()).forEach(epochs::add));
        int last = Math.max(1, epochs.last());
        for (int e : epochs) {
            XYSeries s = addEpochPoints(chart, curves, e);
            s.setMarkerColor(colour(Math.log1p(e) / Math.log1p(last)));
            s.setShowInLegend(e == epochs.first() || e == epochs.last());
        }
        return save(chart, dir, stem);
    }

    /** A thin grey line through one layer's (I(X;T), I(T;Y)) means, epoch after epoch. */
    private static void addLayerPath(XYChart chart, LayerCurve c) {
        double[] x = c.ixt().stream().mapToDouble(MeanBand::mean).toArray();
        double[] y = c.ity().stream().mapToDouble(MeanBand::mean).toArray();
        XYSeries line = chart.addSeries("layer " + c.layer() + " (" + c.name() + ")", x, y);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(120, 120, 120));
        line.setLineStyle(new BasicStroke(1.0f));
        line.setShowInLegend(false);
    }

    /** A scatter series of every layer's point at epoch {@code e}. */
    private static XYSeries addEpochPoints(XYChart chart, List<LayerCurve> curves, int e) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (LayerCurve c : curves) {
            for (int i = 0; i < c.epochs().length; i++) {
                if (c.epochs()[i] == e) {
                    xs.add(c.ixt().get(i).mean());
                    ys.add(c.ity().get(i).mean());
                }
            }
        }
        XYSeries s = chart.addSeries("epoch " + e, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /** I(X;T) against epoch (log axis, epoch 0 drawn at 1) per layer, with the interval over seeds. */
    static List<Path> epochs(Path dir, String stem, String estimator, List<LayerCurve> curves) {
        XYChart chart = new XYChartBuilder().width(760).height(480).title("I(X;T) over training: " + estimator)
                .xAxisTitle("epoch + 1").yAxisTitle("I(X;T)  [bits]").build();
        chart.getStyler().setXAxisLogarithmic(true);
        for (int k = 0; k < curves.size(); k++) {
            LayerCurve c = curves.get(k);
            double[] x = Arrays.stream(c.epochs()).mapToDouble(e -> e + 1).toArray();
            Color colour = colour(curves.size() == 1 ? 0 : (double) k / (curves.size() - 1));
            addMeanLine(chart, c, x, colour);
            addBand(chart, c, x, colour, true);
            addBand(chart, c, x, colour, false);
        }
        return save(chart, dir, stem);
    }

    /** A thick line through one layer's mean I(X;T) per epoch. */
    private static void addMeanLine(XYChart chart, LayerCurve c, double[] x, Color colour) {
        XYSeries mean = chart.addSeries("layer " + c.layer() + " (" + c.name() + ")", x,
                c.ixt().stream().mapToDouble(MeanBand::mean).toArray());
        mean.setMarker(SeriesMarkers.NONE);
        mean.setLineColor(colour);
        mean.setLineStyle(new BasicStroke(2.0f));
    }

    /** A thin dashed line along the low (or high) end of one layer's I(X;T) interval over seeds. */
    private static void addBand(XYChart chart, LayerCurve c, double[] x, Color colour, boolean low) {
        XYSeries band = chart.addSeries("layer " + c.layer() + (low ? " low" : " high"), x,
                c.ixt().stream().mapToDouble(b -> low ? b.low() : b.high()).toArray());
        band.setMarker(SeriesMarkers.NONE);
        band.setLineColor(colour);
        band.setLineStyle(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 3f}, 0f));
        band.setShowInLegend(false);
    }

    /** A colour of the viridis ramp, t in [0, 1]. */
    static Color colour(double t) {
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) u);
        double f = u - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static List<Path> save(XYChart chart, Path dir, String stem) {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figure " + png, e);
        }
        return List.of(png, svg);
    }
}
