package org.milab.plugins.classic.auto;

import java.util.Arrays;
import java.util.Locale;

/**
 * What {@link AutoMi} needs to know about one column: how many distinct values it takes (a column with at most
 * max(2, min({@value #MAX_LEVELS}, n/{@value #ROWS_PER_LEVEL})) levels, i.e. about {@value #ROWS_PER_LEVEL} or more
 * rows per level, is treated as discrete), and how heavy its tails are, as the tail ratio
 * (q<sub>0.99</sub> − q<sub>0.01</sub>) / (q<sub>0.75</sub> − q<sub>0.25</sub>), which is {@value #GAUSSIAN_TAIL_RATIO}
 * for a Gaussian and grows without bound for heavy tails (quantiles, unlike the kurtosis, exist for every law).
 *
 * @param name      the column name
 * @param distinct  number of distinct values
 * @param discrete  whether the column is treated as discrete
 * @param tailRatio the tail ratio (NaN for a discrete column)
 */
record ColumnProfile(String name, int distinct, boolean discrete, double tailRatio) {

    /** Levels above which a column is never discrete. */
    static final int MAX_LEVELS = 100;
    /** Average rows per level at or above which a column with few levels is discrete. */
    static final int ROWS_PER_LEVEL = 20;
    /** The tail ratio of a Gaussian: 2 · 2.3263 / 1.3490. */
    static final double GAUSSIAN_TAIL_RATIO = 3.449;
    /** Tail ratio, relative to a Gaussian's, above which a column is reported as heavy-tailed. */
    static final double HEAVY = 2;

    /** The profile of {@code values}. */
    static ColumnProfile of(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int n = sorted.length;
        boolean discrete = distinct <= Math.max(2, Math.min(MAX_LEVELS, n / ROWS_PER_LEVEL));
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double ratio = discrete || iqr == 0 ? Double.NaN : (quantile(sorted, 0.99) - quantile(sorted, 0.01)) / iqr;
        return new ColumnProfile(name, distinct, discrete, ratio);
    }

    /** Whether the column's tails are markedly heavier than a Gaussian's. */
    boolean heavyTailed() {
        return !discrete && tailRatio > HEAVY * GAUSSIAN_TAIL_RATIO;
    }

    /** e.g. {@code x1 (tail ratio 9.8)} or {@code y (4 levels)}. */
    String describe() {
        return discrete ? name + " (" + distinct + " levels)"
                : String.format(Locale.ROOT, "%s (tail ratio %.1f)", name, tailRatio);
    }

    /** Linear interpolation between order statistics of {@code sorted}. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
