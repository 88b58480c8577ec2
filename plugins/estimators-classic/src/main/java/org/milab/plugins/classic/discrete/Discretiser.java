package org.milab.plugins.classic.discrete;

import java.util.Arrays;

/** Cuts one column into bins: the bin count by a rule, the bin of every value by a binning. */
final class Discretiser {

    /** Upper limit on the bins Birgé–Rozenholc considers, to bound its cost. */
    static final int MAX_RULE_BINS = 1000;

    private Discretiser() {
    }

    /** The number of bins {@code rule} gives the column whose values, sorted, are {@code sorted}. */
    static int bins(double[] sorted, BinRule rule) {
        int n = sorted.length;
        double range = sorted[n - 1] - sorted[0];
        if (range == 0 || n < 2) {
            return 1;
        }
        return switch (rule) {
            case STURGES -> (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
            case FREEDMAN_DIACONIS -> freedmanDiaconis(sorted, range);
            case BIRGE_ROZENHOLC -> birgeRozenholc(sorted);
        };
    }

    /** Bins of width 2 IQR n^(-1/3) (a quarter of the range when the IQR is 0), between 1 and n. */
    private static int freedmanDiaconis(double[] sorted, double range) {
        int n = sorted.length;
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double width = 2 * (iqr > 0 ? iqr : range / 4) * Math.pow(n, -1.0 / 3);
        return (int) Math.max(1, Math.min(n, Math.ceil(range / width)));
    }

    private static int birgeRozenholc(double[] sorted) {
        int n = sorted.length;
        int most = (int) Math.max(1, Math.min(MAX_RULE_BINS, n / Math.log(n)));
        int best = 1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int d = 1; d <= most; d++) {
            double score = logLikelihood(sorted, d) - (d - 1 + Math.pow(Math.log(d), 2.5));
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    /** The log-likelihood sum_j c_j ln(d c_j / n) of a histogram of {@code d} equal-width bins. */
    private static double logLikelihood(double[] sorted, int d) {
        int n = sorted.length;
        double lo = sorted[0];
        double range = sorted[n - 1] - lo;
        double score = 0;
        int start = 0;
        for (int j = 1; j <= d; j++) {
            int end = j == d ? n : upperBound(sorted, lo + range * j / d);
            int c = end - start;
            if (c > 0) {
                score += c * Math.log((double) d * c / n);
            }
            start = end;
        }
        return score;
    }

    /** The bin (0..bins-1) of every value of {@code column}. */
    static double[] assign(double[] column, double[] sorted, int bins, Binning binning) {
        int n = column.length;
        double[] out = new double[n];
        if (binning == Binning.EQUAL_WIDTH) {
            assignEqualWidth(column, sorted, bins, out);
        } else {
            double[] edges = equalMassEdges(sorted, bins);
            for (int i = 0; i < n; i++) {
                out[i] = upperBound(edges, column[i]);
            }
        }
        return out;
    }

    private static void assignEqualWidth(double[] column, double[] sorted, int bins, double[] out) {
        double lo = sorted[0];
        double range = sorted[sorted.length - 1] - lo;
        for (int i = 0; i < column.length; i++) {
            out[i] = range == 0 ? 0 : Math.min(bins - 1, (int) ((column[i] - lo) / range * bins));
        }
    }

    /** The {@code bins - 1} inner edges that cut the sorted values into equally full bins. */
    private static double[] equalMassEdges(double[] sorted, int bins) {
        int n = sorted.length;
        double[] edges = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            edges[b - 1] = sorted[(int) ((long) b * n / bins)];
        }
        return edges;
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int i = (int) Math.floor(at);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (at - i) * (sorted[j] - sorted[i]);
    }

    /** Number of elements of the sorted {@code a} that are ≤ {@code v}. */
    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** The values i / (n - 1), i = 0..n-1: the ranks of a sorted column on [0, 1] (ties ignored; rules only). */
    static double[] ranks(double[] sorted) {
        int n = sorted.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = n == 1 ? 0 : (double) i / (n - 1);
        }
        return r;
    }

    /** A sorted copy. */
    static double[] sorted(double[] column) {
        double[] s = column.clone();
        Arrays.sort(s);
        return s;
    }
}
