package org.milab.plugins.synthetic;

/** Test helper: sample moments and a log-determinant computed independently of the generators' kernels. */
final class Moments {

    private Moments() {
    }

    /** Monte Carlo mean and standard error of values. */
    record MeanSe(double mean, double se) {
    }

    static MeanSe meanSe(double[] v) {
        double m = mean(v);
        return new MeanSe(m, Math.sqrt(variance(v) / v.length));
    }

    static <T> T load(org.milab.api.data.DatasetProvider p, long seed, java.util.Map<String, ?> params,
            java.util.function.Function<org.milab.api.data.Dataset, T> f) {
        try (org.milab.api.testkit.TestRunContext ctx = org.milab.api.testkit.TestRunContext.of(p, seed, params)) {
            return f.apply(p.load(ctx));
        }
    }

    static org.milab.api.data.Dataset load(org.milab.api.data.DatasetProvider p, long seed,
            java.util.Map<String, ?> params) {
        return load(p, seed, params, d -> d);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    static double covariance(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }

    static double correlation(double[] a, double[] b) {
        return covariance(a, b) / Math.sqrt(variance(a) * variance(b));
    }

    /** ln det by Gaussian elimination with partial pivoting (not Cholesky, to stay independent of the code). */
    static double logDet(double[][] matrix) {
        int d = matrix.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = matrix[i].clone();
        }
        double logDet = 0;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[p];
            a[p] = a[c];
            a[c] = t;
            logDet += Math.log(Math.abs(a[c][c]));
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < d; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        return logDet;
    }
}
