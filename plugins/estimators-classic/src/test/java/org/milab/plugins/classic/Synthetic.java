package org.milab.plugins.classic;

import java.util.SplittableRandom;
import org.milab.api.data.Samples;

/**
 * Test data with known mutual information, generated from a seed. Every method returns {@code {x, y}}.
 */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * X, Y each {@code dim}-dimensional standard Gaussian; the first {@code correlated} coordinate pairs
     * (x_j, y_j) have correlation {@code rho}, the rest are independent. I = -correlated/2 log(1 - rho^2).
     */
    public static Samples[] gaussian(int n, int dim, int correlated, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * dim];
        double[] y = new double[n * dim];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n * dim; i++) {
            double a = r.nextGaussian();
            x[i] = a;
            y[i] = (i % dim) < correlated ? rho * a + s * r.nextGaussian() : r.nextGaussian();
        }
        return new Samples[] {Samples.wrap(n, dim, x, Samples.names("x", dim)),
            Samples.wrap(n, dim, y, Samples.names("y", dim))};
    }

    /** I(X;Y) of {@link #gaussian}. */
    public static double gaussianMi(int correlated, double rho) {
        return -0.5 * correlated * Math.log1p(-rho * rho);
    }

    /** One-dimensional correlated pair; I = -1/2 log(1 - rho^2). */
    public static Samples[] gaussian(int n, double rho, long seed) {
        return gaussian(n, 1, 1, rho, seed);
    }

    /**
     * X ~ U(0, 1), Y = X + U(0, a) with a ≤ 1; I = a/2 - log a (Y has a trapezoidal density of entropy a/2 and
     * h(Y|X) = log a).
     */
    public static Samples[] uniformNoise(int n, double a, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble();
            y[i] = x[i] + a * r.nextDouble();
        }
        return new Samples[] {Samples.ofColumns(Samples.names("x", 1), x), Samples.ofColumns(Samples.names("y", 1), y)};
    }

    /** I(X;Y) of {@link #uniformNoise}. */
    public static double uniformNoiseMi(double a) {
        return a / 2 - Math.log(a);
    }

    /**
     * Bivariate Student-t with {@code nu} degrees of freedom and correlation {@code rho}: (x, y) = g / sqrt(w / nu)
     * with g a correlated Gaussian pair and w ~ chi-square(nu), nu a whole number.
     */
    public static Samples[] studentT(int n, double rho, int nu, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = rho * a + s * r.nextGaussian();
            double w = 0;
            for (int j = 0; j < nu; j++) {
                double g = r.nextGaussian();
                w += g * g;
            }
            double scale = Math.sqrt(nu / w);
            x[i] = a * scale;
            y[i] = b * scale;
        }
        return new Samples[] {Samples.ofColumns(Samples.names("x", 1), x), Samples.ofColumns(Samples.names("y", 1), y)};
    }

    /**
     * I(X;Y) of the bivariate Student-t (Arellano-Valle, Contreras-Reyes, Genton 2013):
     * -1/2 log(1 - rho^2) + log[Γ(ν/2) Γ((ν+2)/2) / Γ((ν+1)/2)²] + (ν+1) ψ((ν+1)/2) - (ν+2)/2 ψ((ν+2)/2)
     * - ν/2 ψ(ν/2), with d_x = d_y = 1.
     */
    public static double studentTMi(double rho, int nu) {
        double a = nu / 2.0;
        double ax = (nu + 1) / 2.0;
        double axy = (nu + 2) / 2.0;
        double c = lgamma(a) + lgamma(axy) - 2 * lgamma(ax)
                + 2 * ax * digamma(ax) - axy * digamma(axy) - a * digamma(a);
        return -0.5 * Math.log1p(-rho * rho) + c;
    }

    /** Applies an invertible monotone map to every value. */
    public static Samples map(Samples s, java.util.function.DoubleUnaryOperator f) {
        double[] v = s.toRowMajor();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return Samples.wrap(s.rows(), s.cols(), v, s.columnNames());
    }

    /** The rows of {@code s} in the order {@code perm}. */
    public static Samples permute(Samples s, int[] perm) {
        return s.selectRows(perm);
    }

    /** A random permutation of 0..n-1 (the test kit's). */
    public static int[] permutation(int n, long seed) {
        return org.milab.api.testkit.ContractData.permutation(n, seed);
    }

    /** log Γ(x) for x &gt; 0. */
    public static double lgamma(double x) {
        return org.apache.commons.math3.special.Gamma.logGamma(x);
    }

    /** ψ(x) for x &gt; 0. */
    public static double digamma(double x) {
        return org.apache.commons.math3.special.Gamma.digamma(x);
    }

    /**
     * Labels c ∈ {0, 1} with probability 1/2 each, and x | c ~ N((2c - 1) mu, 1). Returns {x, c}.
     */
    public static Samples[] labelled(int n, double mu, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextBoolean() ? 1 : 0;
            x[i] = (2 * c[i] - 1) * mu + r.nextGaussian();
        }
        return new Samples[] {Samples.ofColumns(Samples.names("x", 1), x), Samples.ofColumns(Samples.names("c", 1), c)};
    }

    /**
     * I(X;C) of {@link #labelled}: h(X) - 1/2 log(2 pi e), with h of the two-component mixture by Simpson's rule on
     * [-mu - 12, mu + 12] with 40,000 intervals (error below 1e-10: the integrand is smooth and the tails beyond
     * 12 sd carry less than 1e-30).
     */
    public static double labelledMi(double mu) {
        int m = 40_000;
        double a = -mu - 12;
        double b = mu + 12;
        double h = (b - a) / m;
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double t = a + i * h;
            double f = 0.5 * (phi(t - mu) + phi(t + mu));
            double g = f > 0 ? -f * Math.log(f) : 0;
            sum += g * (i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3 - 0.5 * Math.log(2 * Math.PI * Math.E);
    }

    private static double phi(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Z ~ N(0, 1), (e1, e2) a pair with correlation rho, X = Z + e1, Y = Z + e2; returns {x, y, z}. Then
     * I(X;Y|Z) = I(e1;e2) = -1/2 log(1 - rho^2), while I(X;Y) is larger.
     */
    public static Samples[] conditional(int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
            double e1 = r.nextGaussian();
            x[i] = z[i] + e1;
            y[i] = z[i] + rho * e1 + s * r.nextGaussian();
        }
        return new Samples[] {Samples.ofColumns(Samples.names("x", 1), x), Samples.ofColumns(Samples.names("y", 1), y),
            Samples.ofColumns(Samples.names("z", 1), z)};
    }
}
