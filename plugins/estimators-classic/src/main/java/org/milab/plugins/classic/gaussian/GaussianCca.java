package org.milab.plugins.classic.gaussian;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.plugins.classic.common.DataChecks;
import org.pf4j.Extension;

/**
 * Mutual information of a joint Gaussian fitted to the samples, from the canonical correlations.
 *
 * <p>With Σ<sub>xx</sub>, Σ<sub>yy</sub>, Σ<sub>xy</sub> the sample covariance blocks and ρ<sub>1</sub>, …,
 * ρ<sub>m</sub> (m = min(d<sub>x</sub>, d<sub>y</sub>)) the canonical correlations, i.e. the singular values of
 * L<sub>x</sub><sup>−1</sup> Σ<sub>xy</sub> L<sub>y</sub><sup>−T</sup> (L the Cholesky factors of the diagonal
 * blocks),
 * <pre>
 *   Î = −½ Σ<sub>i</sub> log(1 − ρ<sub>i</sub>²) = ½ log( det Σ<sub>xx</sub> det Σ<sub>yy</sub> / det Σ ),
 * </pre>
 * in nats; the canonical correlations are reported as diagnostics {@code rho1}, {@code rho2}, ….
 *
 * <p>Assumptions and bias: exact for jointly Gaussian data (up to the sampling error of the covariance); for other
 * distributions it measures only linear dependence and is then a lower bound on the MI of a Gaussian with the same
 * covariance, not of the data. Plug-in bias is upwards, about d<sub>x</sub> d<sub>y</sub> / (2n) nats for
 * independent inputs. Always ≥ 0. Needs n ≥ d<sub>x</sub> + d<sub>y</sub> + 2 and no column that is a linear
 * combination of others.
 *
 * <p>Cost: O(n (d<sub>x</sub> + d<sub>y</sub>)²) time for the covariance, O((d<sub>x</sub> + d<sub>y</sub>)³) for
 * the factorisations; memory O((d<sub>x</sub> + d<sub>y</sub>)²) beyond the input.
 *
 * <p>References: H. Hotelling, Relations between two sets of variates, Biometrika 28 (1936); I. M. Gelfand,
 * A. M. Yaglom, Calculation of the amount of information about a random function contained in another such
 * function, Uspekhi Mat. Nauk 12 (1957).
 */
@Extension
@Citation(authors = "Hotelling, H.", year = 1936, title = "Relations between two sets of variates",
        venue = "Biometrika 28(3/4), 321-377", doi = "10.2307/2333955")
@Citation(authors = "Gelfand, I. M., Yaglom, A. M.", year = 1957,
        title = "Calculation of the amount of information about a random function contained in another such function",
        venue = "Uspekhi Matematicheskikh Nauk 12(1), 3-52")
public final class GaussianCca implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("gaussian",
            "Mutual information of a fitted joint Gaussian, -1/2 sum log(1 - rho_i^2) over canonical correlations.");

    /** Diagnostics list at most this many canonical correlations. */
    private static final int MAX_REPORTED = 16;

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePaired(x, "x", y, "y");
        int need = x.cols() + y.cols() + 2;
        String why = "d_x + d_y + 2 = " + need + " for a non-singular covariance";
        DataChecks.requireContinuous(x, "x", need, why);
        DataChecks.requireContinuous(y, "y", need, why);
        double[] rho = canonicalCorrelations(x, y);
        Estimate e = Estimate.of(gaussianMi(rho), x.rows());
        for (int i = 0; i < Math.min(rho.length, MAX_REPORTED); i++) {
            e = e.withDiagnostic("rho" + (i + 1), rho[i]);
        }
        return e;
    }

    /** The singular values of W = Lx^-1 Cxy Ly^-T, from the correlation matrix of (x, y). */
    private static double[] canonicalCorrelations(Samples x, Samples y) {
        int dx = x.cols();
        int dy = y.cols();
        RealMatrix c = new Array2DRowRealMatrix(correlation(covariance(x.withColumnsOf(y))), false);
        RealMatrix lx = cholesky(c.getSubMatrix(0, dx - 1, 0, dx - 1), x, "x");
        RealMatrix ly = cholesky(c.getSubMatrix(dx, dx + dy - 1, dx, dx + dy - 1), y, "y");
        RealMatrix cxy = c.getSubMatrix(0, dx - 1, dx, dx + dy - 1);
        // W = Lx^-1 Cxy Ly^-T by two triangular solves.
        RealMatrix w = solveLower(ly, solveLower(lx, cxy).transpose()).transpose();
        return new SingularValueDecomposition(w).getSingularValues();
    }

    /** -1/2 sum ln(1 - rho_i^2); infinite, hence refused, when a canonical correlation reaches 1. */
    private static double gaussianMi(double[] rho) {
        double mi = 0;
        for (double r : rho) {
            if (r >= 1.0) {
                throw new InvalidDataException("x and y are exactly linearly dependent (canonical correlation " + r
                        + "); the Gaussian MI is infinite: remove the duplicated information from one side");
            }
            mi -= 0.5 * Math.log1p(-r * r);
        }
        return mi;
    }

    /** Population covariance of the columns of {@code s} (the scale cancels in the MI). */
    private static double[][] covariance(Samples s) {
        int n = s.rows();
        int d = s.cols();
        double[] mean = columnMeans(s);
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                row[j] = s.get(r, j) - mean[j];
            }
            addUpperOuterProduct(cov, row);
        }
        divideAndMirrorUpper(cov, n);
        return cov;
    }

    /** Divides the upper triangle by {@code n} and copies it below the diagonal. */
    private static void divideAndMirrorUpper(double[][] cov, int n) {
        for (int a = 0; a < cov.length; a++) {
            for (int b = a; b < cov.length; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
    }

    private static double[] columnMeans(Samples s) {
        int n = s.rows();
        double[] mean = new double[s.cols()];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += s.get(r, j);
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** Adds row row^T to the upper triangle (diagonal included) of {@code cov}. */
    private static void addUpperOuterProduct(double[][] cov, double[] row) {
        for (int a = 0; a < row.length; a++) {
            double va = row[a];
            double[] ca = cov[a];
            for (int b = a; b < row.length; b++) {
                ca[b] += va * row[b];
            }
        }
    }

    /** Rescales a covariance to a correlation matrix, so that factorisation thresholds are scale-free. */
    private static double[][] correlation(double[][] cov) {
        int d = cov.length;
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(cov[j][j]);
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] /= sd[a] * sd[b];
            }
        }
        return cov;
    }

    private static RealMatrix cholesky(RealMatrix block, Samples s, String port) {
        try {
            return new CholeskyDecomposition(block, 1e-12, 1e-12).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new InvalidDataException("input '" + port + "': the covariance of columns " + s.columnNames()
                    + " is singular (a column is a linear combination of others); drop the redundant columns");
        }
    }

    /** Solves L Z = B for lower-triangular L by forward substitution. */
    private static RealMatrix solveLower(RealMatrix l, RealMatrix b) {
        int m = l.getRowDimension();
        int cols = b.getColumnDimension();
        double[][] z = new double[m][cols];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < m; i++) {
                double v = b.getEntry(i, c);
                for (int j = 0; j < i; j++) {
                    v -= l.getEntry(i, j) * z[j][c];
                }
                z[i][c] = v / l.getEntry(i, i);
            }
        }
        return new Array2DRowRealMatrix(z, false);
    }
}
