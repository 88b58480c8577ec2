package org.milab.plugins.neural;

import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;

/** Per-column affine rescaling to mean 0 and standard deviation 1, fitted on one matrix and applied to others. */
final class Standardiser {

    private final double[] mean;
    private final double[] scale;

    private Standardiser(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** The identity for {@code cols} columns. */
    static Standardiser identity(int cols) {
        double[] ones = new double[cols];
        java.util.Arrays.fill(ones, 1.0);
        return new Standardiser(new double[cols], ones);
    }

    /**
     * Fits on {@code s}.
     *
     * @throws InvalidDataException naming a constant column, which carries no information
     */
    static Standardiser fit(Samples s, String what) {
        int cols = s.cols();
        double[] mean = new double[cols];
        double[] scale = new double[cols];
        for (int c = 0; c < cols; c++) {
            double[] v = s.column(c);
            double m = mean(v);
            double sd = Math.sqrt(sumOfSquares(v, m) / Math.max(1, v.length - 1));
            if (!(sd > 0)) {
                throw new InvalidDataException(what + ": column '" + s.columnNames().get(c) + "' is constant over the "
                        + v.length + " training rows; drop it (it carries no information) or set standardise=false");
            }
            mean[c] = m;
            scale[c] = 1 / sd;
        }
        return new Standardiser(mean, scale);
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        return m / v.length;
    }

    /** The sum of squared deviations of {@code v} from {@code m}. */
    private static double sumOfSquares(double[] v, double m) {
        double ss = 0;
        for (double d : v) {
            ss += (d - m) * (d - m);
        }
        return ss;
    }

    /** The rescaled copy of {@code s}. */
    Samples apply(Samples s) {
        double[] v = s.toRowMajor();
        int cols = s.cols();
        for (int i = 0; i < v.length; i++) {
            int c = i % cols;
            v[i] = (v[i] - mean[c]) * scale[c];
        }
        return Samples.wrap(s.rows(), cols, v, s.columnNames());
    }
}
