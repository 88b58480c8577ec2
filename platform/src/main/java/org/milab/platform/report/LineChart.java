package org.milab.platform.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG line chart: labelled axes (with units), a legend below the plot, optional error bars and categorical
 * x labels.
 * Colours follow the Okabe-Ito colour-blind-safe palette, as the plugins' figures do (plot-kit). Long series are
 * thinned to at most {@value #MAX_POINTS} points so a page stays small; non-finite values are skipped.
 */
public final class LineChart {

    /** Okabe &amp; Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies. */
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
        "#000000"};
    private static final int MAX_POINTS = 600;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final int LEGEND_ROW = 15;

    /**
     * One series.
     *
     * @param name legend label
     * @param x x values
     * @param y y values
     * @param err half-widths of error bars, or {@code null}
     * @param dashed drawn dashed (a reference such as the truth)
     */
    public record Series(String name, double[] x, double[] y, double[] err, boolean dashed) {
        /** A solid series without error bars. */
        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, null, false);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private List<String> categories = List.of();

    /** A chart; the labels should carry units, e.g. {@code "MI (nats)"}. */
    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series. */
    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Labels x = 0, 1, ... with these names instead of numbers. */
    public LineChart categories(List<String> names) {
        categories = List.copyOf(names);
        return this;
    }

    /** Whether any series has a finite point. */
    public boolean isEmpty() {
        return series.stream().noneMatch(s -> Bounds.of(List.of(s)).valid());
    }

    /** The chart as an {@code <svg>} element. */
    public String toSvg(int width, int height) {
        Bounds b = Bounds.of(series);
        StringBuilder svg = open(width, height + LEGEND_ROW * series.size() + 4);
        if (!b.valid()) {
            return svg.append(text(width / 2.0, height / 2.0, "middle", "", "no finite values")).append("</svg>")
                    .toString();
        }
        Frame f = new Frame(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, b);
        axes(svg, f, width, height);
        for (int i = 0; i < series.size(); i++) {
            draw(svg, f, series.get(i), PALETTE[i % PALETTE.length], !categories.isEmpty());
        }
        legend(svg, f, height);
        return svg.append("</svg>").toString();
    }

    /** The opening {@code <svg>} tag, {@code total} high, with the chart's title. */
    private StringBuilder open(int width, int total) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>", width, total,
                width, total, Html.esc(title)));
        svg.append(text(width / 2.0, 18, "middle", "ctitle", title));
        return svg;
    }

    private void axes(StringBuilder svg, Frame f, int width, int height) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>",
                f.left, f.top, f.width, f.height));
        yGrid(svg, f);
        xTicks(svg, f);
        svg.append(text(f.left + f.width / 2.0, height - 8, "middle", "alabel", xLabel));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" "
                + "text-anchor=\"middle\" class=\"alabel\">%s</text>", f.top + f.height / 2.0, Html.esc(yLabel)));
    }

    /** A grid line and a label per y tick. */
    private static void yGrid(StringBuilder svg, Frame f) {
        for (double t : Ticks.of(f.b.ylo, f.b.yhi)) {
            double y = f.y(t);
            svg.append(line(f.left, y, f.left + f.width, y, "grid"));
            svg.append(text(f.left - 6, y + 4, "end", "tick", Ticks.label(t)));
        }
    }

    /** A tick mark and a label per x tick (or per category, thinned to about six). */
    private void xTicks(StringBuilder svg, Frame f) {
        List<Double> xt = categories.isEmpty() ? Ticks.of(f.b.xlo, f.b.xhi) : categoryTicks();
        for (double t : xt) {
            double x = f.x(t);
            svg.append(line(x, f.top + f.height, x, f.top + f.height + 4, "axis"));
            String label = categories.isEmpty() ? Ticks.label(t) : clip(categories.get((int) t));
            svg.append(text(x, f.top + f.height + 16, "middle", "tick", label));
        }
    }

    private List<Double> categoryTicks() {
        int step = Math.max(1, (int) Math.ceil(categories.size() / 6.0));
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < categories.size(); i += step) {
            t.add((double) i);
        }
        return t;
    }

    /** A series as a line (not between categories: they have no order) with points where there are few. */
    private static void draw(StringBuilder svg, Frame f, Series s, String colour, boolean categorical) {
        if (!categorical) {
            appendLine(svg, f, s, colour);
        }
        if (s.x().length > 40 && !categorical) {
            return;
        }
        for (int i = 0; i < s.x().length; i++) {
            if (finite(s.x()[i], s.y()[i])) {
                appendPoint(svg, f, s, i, colour);
            }
        }
    }

    /** The series as a polyline through at most about {@link #MAX_POINTS} of its finite points. */
    private static void appendLine(StringBuilder svg, Frame f, Series s, String colour) {
        int stride = Math.max(1, s.x().length / MAX_POINTS);
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < s.x().length; i += stride) {
            if (finite(s.x()[i], s.y()[i])) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x(s.x()[i]), f.y(s.y()[i])));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"")
                .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"").append(pts)
                .append("\"><title>").append(Html.esc(s.name())).append("</title></polyline>");
    }

    /** Point {@code i} as a dot (hollow when the series is dashed), with its error bar when it has one. */
    private static void appendPoint(StringBuilder svg, Frame f, Series s, int i, String colour) {
        double x = f.x(s.x()[i]);
        if (s.err() != null && Double.isFinite(s.err()[i])) {
            svg.append(line(x, f.y(s.y()[i] - s.err()[i]), x, f.y(s.y()[i] + s.err()[i]), "")
                    .replace("/>", " stroke=\"" + colour + "\"/>"));
        }
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" %s/>", x,
                f.y(s.y()[i]), s.dashed() ? "fill=\"none\" stroke=\"" + colour + "\"" : "fill=\"" + colour + "\""));
    }

    /** The legend, one row per series, below the x axis title. */
    private void legend(StringBuilder svg, Frame f, int height) {
        double y = height + 8;
        double x = f.left;
        for (int i = 0; i < series.size(); i++, y += LEGEND_ROW) {
            String colour = PALETTE[i % PALETTE.length];
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"2\"%s/>", x, y - 4, x + 18, y - 4, colour,
                    series.get(i).dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            svg.append(text(x + 22, y, "start", "legend", series.get(i).name()));
        }
    }

    private static String clip(String s) {
        return s.length() <= 14 ? s : s.substring(0, 13) + "\u2026";
    }

    private static boolean finite(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1,
                y1, x2, y2, cls);
    }

    private static String text(double x, double y, String anchor, String cls, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>", x,
                y, anchor, cls, Html.esc(s));
    }

    /** The data range of every finite point, error bars included, padded by 5%. */
    private record Bounds(double xlo, double xhi, double ylo, double yhi) {
        static Bounds of(List<Series> series) {
            Bounds b = new Bounds(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY);
            for (Series s : series) {
                for (int i = 0; i < s.x().length; i++) {
                    if (finite(s.x()[i], s.y()[i])) {
                        double e = s.err() != null && Double.isFinite(s.err()[i]) ? Math.abs(s.err()[i]) : 0;
                        b = b.including(s.x()[i], s.y()[i] - e, s.y()[i] + e);
                    }
                }
            }
            return b.padded();
        }

        /** These bounds widened to take in x and the y range from {@code ylow} to {@code yhigh}. */
        private Bounds including(double x, double ylow, double yhigh) {
            return new Bounds(Math.min(xlo, x), Math.max(xhi, x), Math.min(ylo, ylow), Math.max(yhi, yhigh));
        }

        /** Padded by 5% of the y range (or around a single value), and half a unit around a single x. */
        private Bounds padded() {
            double ypad = yhi > ylo ? 0.05 * (yhi - ylo) : Math.max(0.5, Math.abs(ylo) * 0.1);
            double xpad = xhi > xlo ? 0 : 0.5;
            return new Bounds(xlo - xpad, xhi + xpad, ylo - ypad, yhi + ypad);
        }

        boolean valid() {
            return xlo <= xhi && ylo <= yhi;
        }
    }

    /** Maps data coordinates into the plotting rectangle. */
    private record Frame(int left, int top, int width, int height, Bounds b) {
        double x(double v) {
            return left + (b.xhi == b.xlo ? 0.5 : (v - b.xlo) / (b.xhi - b.xlo)) * width;
        }

        double y(double v) {
            return top + height - (b.yhi == b.ylo ? 0.5 : (v - b.ylo) / (b.yhi - b.ylo)) * height;
        }
    }
}
