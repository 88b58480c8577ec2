package org.milab.plugins.classic.common;

import java.util.random.RandomGenerator;
import org.milab.api.data.Samples;

/**
 * Copies samples into a primitive row-major array, optionally scaled and jittered, the way the neighbour-based
 * estimators want them.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** A row-major copy of {@code s}. */
    public static double[] copy(Samples s) {
        return s.toRowMajor();
    }

    /**
     * Divides every column of the row-major {@code v} ({@code d} columns) by its population standard deviation
     * (ddof = 0), without centring: distances, hence neighbour counts, are unchanged by a shift, and this is what
     * scikit-learn's {@code mutual_info_regression} does, so estimates can be compared exactly.
     *
     * <p>Columns must not be constant (checked before).
     */
    public static void scaleToUnitStd(double[] v, int d) {
        for (int c = 0; c < d; c++) {
            double sd = columnStd(v, d, c);
            for (int i = c; i < v.length; i += d) {
                v[i] /= sd;
            }
        }
    }

    /** A row-major copy of {@code s} with every column divided by its standard deviation, as {@link #scaleToUnitStd}. */
    public static double[] scaledCopy(Samples s) {
        double[] v = copy(s);
        scaleToUnitStd(v, s.cols());
        return v;
    }

    /** The population standard deviation (ddof = 0) of column {@code c} of the row-major {@code v}. */
    private static double columnStd(double[] v, int d, int c) {
        int n = v.length / d;
        double mean = 0;
        for (int i = c; i < v.length; i += d) {
            mean += v[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = c; i < v.length; i += d) {
            double e = v[i] - mean;
            ss += e * e;
        }
        return Math.sqrt(ss / n);
    }

    /**
     * Adds seeded Gaussian noise {@code amount * max(1, mean|column|) * N(0,1)} to every value of the row-major
     * {@code v}, column by column (the scale-aware form scikit-learn uses), to break ties in neighbour searches.
     * Nothing happens when {@code amount == 0}.
     */
    public static void jitter(double[] v, int d, double amount, RandomGenerator random) {
        if (amount == 0) {
            return;
        }
        double[] scale = noiseScales(v, d, amount);
        for (int i = 0; i < v.length; i++) {
            v[i] += scale[i % d] * random.nextGaussian();
        }
    }

    /** Per column, {@code amount * max(1, mean|column|)}. */
    private static double[] noiseScales(double[] v, int d, double amount) {
        int n = v.length / d;
        double[] scale = new double[d];
        for (int i = 0; i < v.length; i++) {
            scale[i % d] += Math.abs(v[i]);
        }
        for (int c = 0; c < d; c++) {
            scale[c] = amount * Math.max(1.0, scale[c] / n);
        }
        return scale;
    }
}
