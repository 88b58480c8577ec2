package org.milab.plugins.kd;

/**
 * The mean of a few paired differences with a two-sided 95% Student-t confidence interval: mean +- t_{0.975, n-1}
 * s / sqrt(n). Quantiles: the exact table for 1 to 30 degrees of freedom, then the Cornish-Fisher expansion
 * z + (z^3 + z) / (4 df), whose error is below 0.001 there.
 *
 * @param mean   mean
 * @param low    lower end (NaN with fewer than two values)
 * @param high   upper end
 * @param values number of values
 */
record MeanInterval(double mean, double low, double high, int values) {

    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    static MeanInterval of(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n < 2) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, n);
        }
        double half = quantile(n - 1) * Math.sqrt(sumOfSquares(v, mean) / (n - 1) / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }

    /** The sum of squared deviations of {@code v} from {@code mean}. */
    private static double sumOfSquares(double[] v, double mean) {
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss;
    }

    /** t_{0.975, df}. */
    static double quantile(int df) {
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = 1.959964;
        return z + (z * z * z + z) / (4.0 * df);
    }

    /** +1 when the interval lies above 0, -1 below, 0 when it holds 0 (or cannot be computed). */
    int sign() {
        return low > 0 ? 1 : high < 0 ? -1 : 0;
    }
}
