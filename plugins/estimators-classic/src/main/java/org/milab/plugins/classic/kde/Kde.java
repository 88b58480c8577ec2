package org.milab.plugins.classic.kde;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.ParallelSum;
import org.milab.plugins.classic.common.Preprocessing;
import org.pf4j.Extension;

/**
 * Kernel-density (resubstitution) estimator of I(X;Y) with a Gaussian product kernel.
 *
 * <p>Columns are divided by their standard deviation; with one bandwidth h for all (from the joint dimension
 * d = d<sub>x</sub> + d<sub>y</sub>: Scott, Silverman or given) and
 * S<sub>x</sub>(i) = Σ<sub>j</sub> exp(−‖x<sub>i</sub> − x<sub>j</sub>‖²/2h²) (j = i included), likewise
 * S<sub>y</sub>, and S<sub>xy</sub>(i) = Σ<sub>j</sub> exp(−(‖x<sub>i</sub> − x<sub>j</sub>‖² + ‖y<sub>i</sub> −
 * y<sub>j</sub>‖²)/2h²), the kernel normalisations cancel and
 * <pre>
 *   Î = (1/n) Σ<sub>i</sub> log[ f̂(x<sub>i</sub>, y<sub>i</sub>) / (f̂(x<sub>i</sub>) f̂(y<sub>i</sub>)) ]
 *     = (1/n) Σ<sub>i</sub> log[ n S<sub>xy</sub>(i) / (S<sub>x</sub>(i) S<sub>y</sub>(i)) ]
 * </pre>
 * in nats.
 *
 * <p>Assumptions and bias: smooth densities. Smoothing biases the estimate towards the MI of the smoothed density
 * (for a Gaussian, correlations shrink by 1/(1 + h²): strong dependence is underestimated), and the self term
 * biases it upwards by O(1/(n h<sup>d</sup>)); the bandwidth matters more than anything else. Not guaranteed
 * non-negative. When the kernels barely overlap in the joint space (many dimensions for n), or the bandwidth
 * over-smooths, the estimate carries a warning ({@link KernelOverlap}).
 *
 * <p>Cost: O(n² d) time (two exponentials per pair), on {@code threads} workers; O(n d) memory. Use
 * {@code kde-fft} for large one-dimensional problems.
 *
 * <p>Reference: Y.-I. Moon, B. Rajagopalan, U. Lall, Estimation of mutual information using kernel density
 * estimators, Phys. Rev. E 52, 2318 (1995).
 */
@Extension
@Citation(authors = "Moon, Y.-I., Rajagopalan, B., Lall, U.", year = 1995,
        title = "Estimation of mutual information using kernel density estimators",
        venue = "Physical Review E 52(3), 2318-2321", doi = "10.1103/PhysRevE.52.2318")
@Citation(authors = "Scott, D. W.", year = 1992, title = "Multivariate Density Estimation", venue = "Wiley")
public final class Kde implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("kde",
            "Gaussian kernel density (resubstitution) MI estimator, exact O(n^2) sums.",
            KdeParameters.RULE, KdeParameters.BANDWIDTH, ParallelSum.THREADS);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePaired(x, "x", y, "y");
        DataChecks.requireContinuous(x, "x", 2, "two samples at least");
        DataChecks.requireContinuous(y, "y", 2, "two samples at least");
        int n = x.rows();
        int dx = x.cols();
        int dy = y.cols();
        double[] xs = Preprocessing.scaledCopy(x);
        double[] ys = Preprocessing.scaledCopy(y);
        double h = ctx.param(KdeParameters.RULE).bandwidth(dx + dy, n, ctx.param(KdeParameters.BANDWIDTH));
        double sum = logRatioSum(xs, dx, ys, dy, -0.5 / (h * h), ctx);
        Estimate e = Estimate.of(sum / n, n).withDiagnostic("bandwidth", h);
        return KernelOverlap.warning(xs, dx, ys, dy, n, h).map(e::withWarning).orElse(e);
    }

    /** The sum over rows of {@link #logDensityRatio}, chunks of rows on the configured number of threads. */
    private static double logRatioSum(double[] xs, int dx, double[] ys, int dy, double c, RunContext ctx) {
        return ParallelSum.sum(xs.length / dx, ctx.param(ParallelSum.THREADS), (from, to) -> {
            double acc = 0;
            for (int i = from; i < to; i++) {
                acc += logDensityRatio(xs, dx, ys, dy, i, c);
            }
            return acc;
        }, ctx::cancelled);
    }

    /** ln(p(x_i, y_i) / (p(x_i) p(y_i))) with Gaussian kernels exp(c ‖.‖²) over all n rows. */
    private static double logDensityRatio(double[] xs, int dx, double[] ys, int dy, int i, double c) {
        int n = xs.length / dx;
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        for (int j = 0; j < n; j++) {
            double a = Math.exp(c * squaredDistance(xs, dx, i, j));
            double b = Math.exp(c * squaredDistance(ys, dy, i, j));
            sx += a;
            sy += b;
            sxy += a * b;
        }
        return Math.log(n * sxy / (sx * sy));
    }

    private static double squaredDistance(double[] v, int d, int i, int j) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double g = v[i * d + k] - v[j * d + k];
            s += g * g;
        }
        return s;
    }
}
