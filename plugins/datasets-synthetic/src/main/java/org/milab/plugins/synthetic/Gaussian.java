package org.milab.plugins.synthetic;

import java.util.random.RandomGenerator;

/**
 * Multivariate normal numerics shared by the Gaussian families: Cholesky factor, log-determinant, sampling and the
 * closed-form mutual information between two blocks,
 * I(A;B) = 1/2 (ln det S_AA + ln det S_BB - ln det S_{A∪B}).
 */
final class Gaussian {

    private Gaussian() {
    }

    /** Lower Cholesky factor of a symmetric positive-definite matrix. */
    static double[][] cholesky(double[][] s) {
        int d = s.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = residual(s, l, i, j);
                l[i][j] = i == j ? pivot(sum, i) : sum / l[j][j];
            }
        }
        return l;
    }

    /** s[i][j] less the dot product of rows i and j of {@code l} over the columns before j. */
    private static double residual(double[][] s, double[][] l, int i, int j) {
        double sum = s[i][j];
        for (int k = 0; k < j; k++) {
            sum -= l[i][k] * l[j][k];
        }
        return sum;
    }

    private static double pivot(double sum, int i) {
        if (!(sum > 0)) {
            throw new IllegalArgumentException("covariance is not positive definite (pivot " + i + " = "
                    + sum + "); check the correlations");
        }
        return Math.sqrt(sum);
    }

    /** ln det of a symmetric positive-definite matrix. */
    static double logDet(double[][] s) {
        double[][] l = cholesky(s);
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += Math.log(l[i][i]);
        }
        return 2 * sum;
    }

    /** The principal submatrix on {@code idx}. */
    static double[][] sub(double[][] s, int[] idx) {
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                out[i][j] = s[idx[i]][idx[j]];
            }
        }
        return out;
    }

    /** Indices {@code from, from+1, ..., to-1}. */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** I(A;B) in nats for disjoint index sets of a joint covariance. */
    static double mutualInformation(double[][] cov, int[] a, int[] b) {
        int[] ab = new int[a.length + b.length];
        System.arraycopy(a, 0, ab, 0, a.length);
        System.arraycopy(b, 0, ab, a.length, b.length);
        double mi = 0.5 * (logDet(sub(cov, a)) + logDet(sub(cov, b)) - logDet(sub(cov, ab)));
        return Math.max(0, mi);
    }

    /** I(X;Y) where X is the first {@code dx} coordinates and Y the rest. */
    static double mutualInformation(double[][] cov, int dx) {
        return mutualInformation(cov, range(0, dx), range(dx, cov.length));
    }

    /**
     * n samples of N(0, cov) split into X (first dx coordinates) and Y; each row is L z with z standard normal,
     * scaled by {@code scale.next()} per row when given (for scale mixtures such as Student-t).
     */
    static Joint sample(double[][] cov, int dx, int n, RandomGenerator rng, java.util.function.DoubleSupplier scale) {
        double[][] l = cholesky(cov);
        int dy = cov.length - dx;
        double[] x = new double[n * dx];
        double[] y = new double[n * dy];
        double[] z = new double[cov.length];
        double[] row = new double[cov.length];
        for (int r = 0; r < n; r++) {
            fillStandardNormal(z, rng);
            scaledProduct(l, z, scale == null ? 1 : scale.getAsDouble(), row);
            System.arraycopy(row, 0, x, r * dx, dx);
            System.arraycopy(row, dx, y, r * dy, dy);
        }
        return new Joint(n, dx, x, dy, y);
    }

    private static void fillStandardNormal(double[] z, RandomGenerator rng) {
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
    }

    /** row = c (l z) for a lower-triangular {@code l}. */
    private static void scaledProduct(double[][] l, double[] z, double c, double[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = c * lowerRowTimes(l[i], i, z);
        }
    }

    /** Row {@code i} of a lower-triangular matrix times {@code z}: the sum over k <= i of row[k] z[k]. */
    private static double lowerRowTimes(double[] row, int i, double[] z) {
        double v = 0;
        for (int k = 0; k <= i; k++) {
            v += row[k] * z[k];
        }
        return v;
    }

    /** Equicorrelation matrix of size dx+dy: 1 on the diagonal, {@code c} everywhere else. */
    static double[][] dense(int dx, int dy, double c) {
        int d = dx + dy;
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i][j] = i == j ? 1 : c;
            }
        }
        return s;
    }

    /**
     * Sparse correlation matrix: corr(X_i, Y_i) = {@code signal} for i below {@code pairs}, {@code noise} between any
     * two coordinates of X and any two of Y, 0 between other X-Y pairs.
     */
    static double[][] sparse(int dx, int dy, int pairs, double signal, double noise) {
        int d = dx + dy;
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                boolean sameBlock = (i < dx) == (j < dx);
                s[i][j] = i == j ? 1 : sameBlock ? noise : 0;
            }
        }
        for (int i = 0; i < pairs; i++) {
            s[i][dx + i] = signal;
            s[dx + i][i] = signal;
        }
        return s;
    }
}
