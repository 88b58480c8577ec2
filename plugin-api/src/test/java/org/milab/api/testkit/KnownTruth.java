package org.milab.api.testkit;

import java.util.Objects;
import org.milab.api.data.Samples;

/**
 * Paired samples with a known I(X;Y) and the tolerance an estimator declares for them (bias plus a few standard
 * deviations at this size, with the reason written where the case is declared).
 *
 * @param x         first variable
 * @param y         second variable, paired row by row with {@code x}
 * @param nats      the true I(X;Y)
 * @param tolerance the largest |estimate - truth| accepted
 * @param source    how the truth is known, e.g. {@code closed form, Gaussian rho = 0.6}
 */
public record KnownTruth(Samples x, Samples y, double nats, double tolerance, String source) {

    /** Checks the parts. */
    public KnownTruth {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(source, "source");
        if (!(tolerance > 0) || !Double.isFinite(nats)) {
            throw new IllegalArgumentException("a known truth needs a finite value and a tolerance > 0");
        }
    }

    /** A one-dimensional correlated Gaussian pair of {@code n} rows: I = -1/2 log(1 - rho^2). */
    public static KnownTruth gaussian(int n, double rho, long seed, double tolerance) {
        return gaussian(n, 1, rho, seed, tolerance);
    }

    /** {@code dim} independent correlated Gaussian coordinate pairs of {@code n} rows: I = -dim/2 log(1 - rho^2). */
    public static KnownTruth gaussian(int n, int dim, double rho, long seed, double tolerance) {
        Samples[] xy = ContractData.gaussian(n, dim, rho, seed);
        return new KnownTruth(xy[0], xy[1], ContractData.gaussianMi(dim, rho), tolerance,
                "closed form, " + dim + "-D Gaussian pairs with rho = " + rho + ", n = " + n);
    }

    /** Number of rows. */
    public int rows() {
        return x.rows();
    }
}
