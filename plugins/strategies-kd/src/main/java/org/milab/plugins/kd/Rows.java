package org.milab.plugins.kd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.milab.api.data.Samples;

/**
 * A float matrix held on the Java heap, one row per sample; batches are copied into tensors of a step manager, so
 * no tensor outlives its step. Copying a batch costs O(batch * cols), negligible next to a forward pass.
 *
 * @param values row-major values
 * @param cols   values per row
 */
record Rows(float[] values, int cols) {

    int rows() {
        return values.length / cols;
    }

    /** The rows of {@code samples}, each column standardised with the mean and deviation of the {@code fit} rows. */
    static Rows standardised(Samples samples, int[] fit) {
        int d = samples.cols();
        double[] mean = new double[d];
        double[] sq = new double[d];
        sums(samples, fit, mean, sq);
        float[] out = new float[samples.rows() * d];
        for (int c = 0; c < d; c++) {
            mean[c] /= fit.length;
            double var = sq[c] / fit.length - mean[c] * mean[c];
            standardiseColumn(samples, c, mean[c], var > 1e-12 ? Math.sqrt(var) : 1, out);
        }
        return new Rows(out, d);
    }

    /** Adds each column's sum over the {@code fit} rows to {@code sum}, and its sum of squares to {@code sq}. */
    private static void sums(Samples samples, int[] fit, double[] sum, double[] sq) {
        for (int r : fit) {
            for (int c = 0; c < sum.length; c++) {
                double v = samples.get(r, c);
                sum[c] += v;
                sq[c] += v * v;
            }
        }
    }

    /** Writes column {@code c} of every row, as (value - mean) / sd, into the row-major {@code out}. */
    private static void standardiseColumn(Samples samples, int c, double mean, double sd, float[] out) {
        int d = samples.cols();
        for (int r = 0; r < samples.rows(); r++) {
            out[r * d + c] = (float) ((samples.get(r, c) - mean) / sd);
        }
    }

    /** The given rows as a (rows.length, cols) tensor of {@code manager}. */
    NDArray batch(int[] rows, NDManager manager) {
        float[] b = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * cols, b, i * cols, cols);
        }
        return manager.create(b, new Shape(rows.length, cols));
    }

    /** All rows as {@link Samples} with columns {@code prefix0, prefix1, ...}. */
    Samples samples(String prefix) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return Samples.wrap(rows(), cols, v, Samples.names(prefix, cols));
    }

    /** The given rows as {@link Samples} with columns {@code prefix0, prefix1, ...}. */
    Samples samples(int[] rows, String prefix) {
        double[] v = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < cols; c++) {
                v[i * cols + c] = values[rows[i] * cols + c];
            }
        }
        return Samples.wrap(rows.length, cols, v, Samples.names(prefix, cols));
    }

    /** These rows with N(0, sigma^2) added to every value (views are standardised, so sigma is in deviations). */
    Rows noisy(double sigma, SplittableRandom rng) {
        if (sigma == 0) {
            return this;
        }
        float[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (sigma * rng.nextGaussian());
        }
        return new Rows(v, cols);
    }
}
