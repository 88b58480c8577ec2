package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Score matrices for bound tests, and double-precision reference reductions over them. */
final class ScoreMatrices {

    private ScoreMatrices() {
    }

    /** An n x n matrix with N(0, 1) entries plus {@code shift} on the diagonal (the test kit's). */
    static double[][] random(int n, double shift, long seed) {
        return org.milab.api.testkit.MiBoundContract.randomScores(n, shift, seed);
    }

    static NDArray of(NDManager manager, double[][] f) {
        int n = f.length;
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                flat[i * n + j] = (float) f[i][j];
            }
        }
        return manager.create(flat, new Shape(n, n));
    }

    static double diagMean(double[][] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += f[i][i];
        }
        return s / f.length;
    }

    static double offMeanExp(double[][] f, double clip) {
        double s = 0;
        int n = f.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += Math.exp(Math.max(-clip, Math.min(clip, f[i][j])));
                }
            }
        }
        return s / (n * (n - 1.0));
    }

    static double dv(double[][] f) {
        return diagMean(f) - Math.log(offMeanExp(f, Double.POSITIVE_INFINITY));
    }

    static double tuba(double[][] f, double b) {
        return 1 + diagMean(f) - b - offMeanExp(f, Double.POSITIVE_INFINITY) / Math.exp(b);
    }

    static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    static double jsObjective(double[][] f) {
        int n = f.length;
        double paired = 0;
        double unpaired = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    paired += softplus(-f[i][i]);
                } else {
                    unpaired += softplus(f[i][j]);
                }
            }
        }
        return -paired / n - unpaired / (n * (n - 1.0));
    }

    static double infoNce(double[][] f) {
        int n = f.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) {
                z += Math.exp(f[i][j]);
            }
            s += f[i][i] - Math.log(z / n);
        }
        return s / n;
    }
}
