package org.milab.api.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.milab.api.data.Samples;

/** Seeded test data for the contracts: correlated Gaussian pairs, permutations, NaN insertion, renamed columns. */
public final class ContractData {

    private ContractData() {
    }

    /**
     * {@code {x, y}}, each {@code dim}-dimensional standard Gaussian, coordinate pairs (x_j, y_j) with correlation
     * {@code rho}: I(X;Y) = {@link #gaussianMi(int, double) -dim/2 log(1 - rho^2)}.
     */
    public static Samples[] gaussian(int n, int dim, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n * dim; i++) {
            x[i] = r.nextGaussian();
            y[i] = rho * x[i] + s * r.nextGaussian();
        }
        return new Samples[] {Samples.wrap(n, dim, x, Samples.names("x", dim)),
            Samples.wrap(n, dim, y, Samples.names("y", dim))};
    }

    /** One-dimensional {@link #gaussian(int, int, double, long)}. */
    public static Samples[] gaussian(int n, double rho, long seed) {
        return gaussian(n, 1, rho, seed);
    }

    /** I(X;Y) in nats of {@link #gaussian(int, int, double, long)}. */
    public static double gaussianMi(int dim, double rho) {
        return -0.5 * dim * Math.log1p(-rho * rho);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** {@code s} with NaN at {@code (row, 0)}. */
    public static Samples withNaN(Samples s, int row) {
        double[] v = s.toRowMajor();
        v[row * s.cols()] = Double.NaN;
        return Samples.wrap(s.rows(), s.cols(), v, s.columnNames());
    }

    /** The first {@code rows} rows of {@code s}. */
    public static Samples head(Samples s, int rows) {
        int[] keep = new int[rows];
        for (int i = 0; i < rows; i++) {
            keep[i] = i;
        }
        return s.selectRows(keep);
    }

    /** The same values under new column names ({@code prefix0, prefix1, ...}). */
    public static Samples renamed(Samples s, String prefix) {
        List<String> names = new ArrayList<>(Samples.names(prefix, s.cols()));
        return Samples.wrap(s.rows(), s.cols(), s.toRowMajor(), names);
    }
}
