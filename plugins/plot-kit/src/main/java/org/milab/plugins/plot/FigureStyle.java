package org.milab.plugins.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one figure style of milab's plots: white background, light grid, sans-serif fonts, the Okabe-Ito colours,
 * axis titles that carry units, a legend inside the plot, the truth drawn as a solid black line, references as
 * dashed grey lines, and a stated note whenever an axis is clipped. The HTML report's charts use the same palette.
 */
public final class FigureStyle {

    /**
     * Okabe, M., Ito, K. (2008), "Color Universal Design (CUD): how to make figures and presentations that are
     * friendly to colorblind people": distinguishable under the common colour-vision deficiencies.
     */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442)};
    /** The colour of the truth (known ground truth). */
    public static final Color TRUTH = Color.BLACK;
    /** The colour of references (bounds, zero lines, thresholds). */
    public static final Color REFERENCE = new Color(0x777777);
    private static final String FONT = Font.SANS_SERIF;

    private FigureStyle() {
    }

    /** Colour {@code i} of the palette (cycling). */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * A styled XY chart.
     *
     * @param xTitle x axis title with its unit, e.g. {@code "step"} or {@code "gap [nats]"}
     * @param yTitle y axis title with its unit, e.g. {@code "MI [nats]"}
     */
    public static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        stylePaper(s);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 13));
        styleLegend(s);
        s.setSeriesColors(PALETTE);
        s.setMarkerSize(6);
        chart.getStyler().setAxisTitleFont(new Font(FONT, Font.PLAIN, 12));
        chart.getStyler().setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 10));
        return chart;
    }

    /** White background, grey border, light grid. */
    private static void stylePaper(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(new Color(0xE6E6E6));
        s.setPlotGridLinesStroke(new BasicStroke(0.6f));
    }

    /** A framed legend inside the top right corner. */
    private static void styleLegend(XYStyler s) {
        s.setLegendFont(new Font(FONT, Font.PLAIN, 11));
        s.setLegendVisible(true);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(new Color(0xCCCCCC));
    }

    /** A line without markers. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width));
        s.setLineWidth(width);
        return s;
    }

    /** The known truth: a solid black line. */
    public static XYSeries truth(XYChart chart, String name, double[] x, double[] y) {
        return line(chart, name, x, y, TRUTH, 1.8f);
    }

    /** A reference (bound, zero line, threshold): a dashed grey line. */
    public static XYSeries reference(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = line(chart, name, x, y, REFERENCE, 1f);
        s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
        return s;
    }

    /** Points with vertical error bars (half-widths {@code err}; 0 where unknown). */
    public static XYSeries pointsWithErrors(XYChart chart, String name, double[] x, double[] y, double[] err,
            Color colour) {
        XYSeries s = chart.addSeries(name, x, y, err);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return s;
    }

    /**
     * Clips the y axis to [low, high] and says so: the chart's title gains {@code (y clipped to [low, high])} when
     * any of {@code values} fall outside; returns how many did.
     */
    public static int clipY(XYChart chart, double low, double high, double[]... values) {
        chart.getStyler().setYAxisMin(low);
        chart.getStyler().setYAxisMax(high);
        int outside = countOutside(low, high, values);
        if (outside > 0) {
            chart.setTitle(chart.getTitle() + " " + clipNote(low, high));
        }
        return outside;
    }

    /** How many of {@code values} are not within [low, high] (NaN counts as outside). */
    private static int countOutside(double low, double high, double[]... values) {
        int outside = 0;
        for (double[] vs : values) {
            for (double v : vs) {
                if (!(v >= low && v <= high)) {
                    outside++;
                }
            }
        }
        return outside;
    }

    /** The clipping note, e.g. {@code (y clipped to [-1, 14])}. */
    public static String clipNote(double low, double high) {
        return String.format(Locale.ROOT, "(y clipped to [%s, %s])", compact(low), compact(high));
    }

    private static String compact(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** {@code v} clamped into [low, high] (NaN to {@code low}), for drawing inside a clipped axis. */
    public static double clamp(double v, double low, double high) {
        return Double.isNaN(v) ? low : Math.max(low, Math.min(high, v));
    }
}
