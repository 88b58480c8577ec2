package org.milab.plugins.infoplane.plane;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of values over seeds with a two-sided Student-t confidence interval, mean ± t_{(1+c)/2, n−1} s / √n; with
 * one value the interval is the point itself (width 0, flagged by {@code values == 1}).
 *
 * @param mean   mean
 * @param low    lower end
 * @param high   upper end
 * @param values number of values
 */
record MeanBand(double mean, double low, double high, int values) {

    static MeanBand of(double[] v, double confidence) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n < 2) {
            return new MeanBand(mean, mean, mean, n);
        }
        double ss = sumOfSquares(v, mean);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + confidence) / 2);
        double half = t * Math.sqrt(ss / (n - 1) / n);
        return new MeanBand(mean, mean - half, mean + half, n);
    }

    /** The sum of squared deviations of {@code v} from {@code mean}. */
    private static double sumOfSquares(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss;
    }
}
