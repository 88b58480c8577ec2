package org.milab.plugins.classic.auto;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Gamma;
import org.milab.plugins.classic.common.Digamma;

/**
 * A Student-t copula fitted to the ranks, and its mutual information: the copula of heavy-tailed elliptical data,
 * whose dependence lives partly in joint extremes, which a Gaussian copula misses. Following Demarta and McNeil
 * (2005): the shape R from Kendall's τ, R<sub>ij</sub> = sin(π τ<sub>ij</sub> / 2) (exact for every elliptical
 * copula; eigenvalues clipped to keep R positive definite), then the degrees of freedom ν by maximum pseudo-
 * likelihood over a grid, on pseudo-observations u = (r − ½)/n. The MI of a t copula is that of the multivariate
 * t (Arellano-Valle, Contreras-Reyes and Genton 2013), I = I<sub>G</sub>(R) + g(ν), with I<sub>G</sub>(R) =
 * ½(ln det R<sub>x</sub> + ln det R<sub>y</sub> − ln det R) and, for d = d<sub>x</sub> + d<sub>y</sub>,
 * <pre>
 *   g = ln[Γ(ν/2) Γ((ν+d)/2) / (Γ((ν+d<sub>x</sub>)/2) Γ((ν+d<sub>y</sub>)/2))] + (ν+d<sub>x</sub>)/2 ψ((ν+d<sub>x</sub>)/2)
 *       + (ν+d<sub>y</sub>)/2 ψ((ν+d<sub>y</sub>)/2) − ν/2 ψ(ν/2) − (ν+d)/2 ψ((ν+d)/2)
 * </pre>
 * which vanishes as ν → ∞ (the Gaussian copula). Cost: O(d² n log n) for Kendall's τ (Knight's algorithm),
 * O(|grid| · n d²) for the likelihoods; the t quantiles are needed at the n rank positions only, shared by all
 * columns.
 */
final class TCopula {

    /** Degrees of freedom tried; larger ν is indistinguishable from the Gaussian copula at these sample sizes. */
    static final double[] GRID = {1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 25, 50};

    /**
     * A fit.
     *
     * @param nu             degrees of freedom
     * @param logLikelihood  pseudo log-likelihood of the t copula at ν
     * @param gaussianLogLikelihood pseudo log-likelihood of the Gaussian copula with the same R
     * @param mi             I<sub>G</sub>(R) + g(ν), nats
     */
    record Fit(double nu, double logLikelihood, double gaussianLogLikelihood, double mi) {
    }

    private TCopula() {
    }

    /** Fits the t copula to rows given as ranks ({@code ranks[c][i]}, 1..n, mid-ranks for ties), x the first dx. */
    static Fit fit(double[][] ranks, int dx) {
        int d = ranks.length;
        RealMatrix r = nearestCorrelation(kendallShape(ranks));
        double ldet = logDet(r);
        double ig = 0.5 * (logDet(r.getSubMatrix(0, dx - 1, 0, dx - 1))
                + logDet(r.getSubMatrix(dx, d - 1, dx, d - 1)) - ldet);
        RealMatrix inv = new CholeskyDecomposition(r).getSolver().getInverse();
        double[] best = bestOnGrid(ranks, inv, ldet);
        double gauss = gaussianLogLikelihood(ranks, inv, ldet);
        return new Fit(best[1], best[0], gauss, ig + g(best[1], dx, d - dx));
    }

    /** The highest log-likelihood over {@link #GRID} and its ν (the first of ties), as {log-likelihood, ν}. */
    private static double[] bestOnGrid(double[][] ranks, RealMatrix inv, double ldet) {
        double best = Double.NEGATIVE_INFINITY;
        double bestNu = Double.POSITIVE_INFINITY;
        for (double nu : GRID) {
            double ll = logLikelihood(ranks, inv, ldet, nu);
            if (ll > best) {
                best = ll;
                bestNu = nu;
            }
        }
        return new double[] {best, bestNu};
    }

    /** ν as text, e.g. {@code 2.5}. */
    static String format(double nu) {
        return nu == Math.rint(nu) ? Long.toString((long) nu) : Double.toString(nu);
    }

    /** The t term g(ν) of the MI (0 in the Gaussian limit). */
    static double g(double nu, int dx, int dy) {
        if (Double.isInfinite(nu)) {
            return 0;
        }
        int d = dx + dy;
        return Gamma.logGamma(nu / 2) + Gamma.logGamma((nu + d) / 2) - Gamma.logGamma((nu + dx) / 2)
                - Gamma.logGamma((nu + dy) / 2) + (nu + dx) / 2 * Digamma.of((nu + dx) / 2)
                + (nu + dy) / 2 * Digamma.of((nu + dy) / 2) - nu / 2 * Digamma.of(nu / 2)
                - (nu + d) / 2 * Digamma.of((nu + d) / 2);
    }

    private static double logLikelihood(double[][] ranks, RealMatrix inv, double ldet, double nu) {
        int d = ranks.length;
        int n = ranks[0].length;
        double[] table = quantiles(new TDistribution(null, nu), n);
        double[] t = new double[d];
        double marginal = Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
        double joint = Gamma.logGamma((nu + d) / 2) - Gamma.logGamma(nu / 2) - 0.5 * d * Math.log(nu * Math.PI)
                - 0.5 * ldet;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double margins = marginalLogDensities(ranks, i, table, t, marginal, nu);
            sum += joint - (nu + d) / 2 * Math.log1p(quadratic(inv, t) / nu) - margins;
        }
        return sum;
    }

    /** Fills {@code t} with row i's t scores and returns the sum of their marginal t log-densities. */
    private static double marginalLogDensities(double[][] ranks, int i, double[] table, double[] t, double marginal,
                                               double nu) {
        double margins = 0;
        for (int c = 0; c < t.length; c++) {
            t[c] = table[(int) Math.round(2 * ranks[c][i])];
            margins += marginal - (nu + 1) / 2 * Math.log1p(t[c] * t[c] / nu);
        }
        return margins;
    }

    private static double gaussianLogLikelihood(double[][] ranks, RealMatrix inv, double ldet) {
        int d = ranks.length;
        int n = ranks[0].length;
        double[] table = quantiles(new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1), n);
        double[] z = new double[d];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double squares = normalScores(ranks, i, table, z);
            sum += -0.5 * ldet - 0.5 * (quadratic(inv, z) - squares);
        }
        return sum;
    }

    /** Fills {@code z} with row i's normal scores and returns the sum of their squares. */
    private static double normalScores(double[][] ranks, int i, double[] table, double[] z) {
        double squares = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = table[(int) Math.round(2 * ranks[c][i])];
            squares += z[c] * z[c];
        }
        return squares;
    }

    /** Quantiles at u = (r − ½)/n for every half-integer rank r, indexed by 2r. */
    private static double[] quantiles(org.apache.commons.math3.distribution.RealDistribution dist, int n) {
        double[] table = new double[2 * n + 2];
        for (int twice = 2; twice <= 2 * n; twice++) {
            table[twice] = dist.inverseCumulativeProbability((twice / 2.0 - 0.5) / n);
        }
        return table;
    }

    private static double quadratic(RealMatrix inv, double[] v) {
        double q = 0;
        for (int a = 0; a < v.length; a++) {
            double row = 0;
            for (int b = 0; b < v.length; b++) {
                row += inv.getEntry(a, b) * v[b];
            }
            q += v[a] * row;
        }
        return q;
    }

    /** R<sub>ij</sub> = sin(π τ<sub>ij</sub> / 2). */
    private static double[][] kendallShape(double[][] ranks) {
        int d = ranks.length;
        double[][] r = new double[d][d];
        for (int a = 0; a < d; a++) {
            r[a][a] = 1;
            for (int b = a + 1; b < d; b++) {
                r[a][b] = Math.sin(Math.PI / 2 * KendallTau.of(ranks[a], ranks[b]));
                r[b][a] = r[a][b];
            }
        }
        return r;
    }

    /** {@code m} with eigenvalues raised to at least 1e-4, rescaled to unit diagonal. */
    private static RealMatrix nearestCorrelation(double[][] m) {
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] values = eig.getRealEigenvalues();
        double min = 1e-4;
        boolean fine = true;
        for (double v : values) {
            fine &= v >= min;
        }
        if (fine) {
            return new Array2DRowRealMatrix(m);
        }
        return rescaledToUnitDiagonal(withEigenvaluesAtLeast(eig, values, min));
    }

    /** V diag(max(values, min)) V^T. */
    private static RealMatrix withEigenvaluesAtLeast(EigenDecomposition eig, double[] values, double min) {
        RealMatrix v = eig.getV();
        RealMatrix dd = new Array2DRowRealMatrix(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            dd.setEntry(i, i, Math.max(values[i], min));
        }
        return v.multiply(dd).multiply(v.transpose());
    }

    /**
     * D<sup>-1/2</sup> M D<sup>-1/2</sup> with D = diag(M), in place: the correlation matrix of the covariance
     * {@code fixed}. The diagonal is read before any entry changes.
     */
    static RealMatrix rescaledToUnitDiagonal(RealMatrix fixed) {
        int d = fixed.getRowDimension();
        double[] scale = new double[d];
        for (int a = 0; a < d; a++) {
            scale[a] = Math.sqrt(fixed.getEntry(a, a));
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                fixed.setEntry(a, b, fixed.getEntry(a, b) / (scale[a] * scale[b]));
            }
        }
        return fixed;
    }

    private static double logDet(RealMatrix m) {
        RealMatrix l = new CholeskyDecomposition(m, 1e-12, 1e-14).getL();
        double s = 0;
        for (int i = 0; i < m.getRowDimension(); i++) {
            s += 2 * Math.log(l.getEntry(i, i));
        }
        return s;
    }
}
