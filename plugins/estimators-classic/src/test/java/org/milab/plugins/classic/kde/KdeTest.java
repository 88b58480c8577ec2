package org.milab.plugins.classic.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class KdeTest implements EstimatorContract {

    private final Kde kde = new Kde();

    @Override
    public Estimator estimator() {
        return kde;
    }

    /**
     * n = 3000, rho = 0.5, Scott's h: the smoothing bias of {@link #resubstitutionLimit} is -0.002 here, the self
     * term adds about +0.01 to +0.02 and the noise is about 0.01; allowed 0.045 either way (as below).
     */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(3000, 0.5, 71, 0.045);
    }

    private double mi(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(kde, 1, params)) {
            return kde.estimate(x, y, ctx).nats();
        }
    }

    /**
     * The limit of the resubstitution estimate for a Gaussian pair with correlation rho and (standardised)
     * bandwidth h: E_p[log p_h(x, y) - log p_h(x) - log p_h(y)] with p_h = p convolved with the kernel, i.e.
     * covariance Σ + h²I. With a = 1 + h²: -1/2 log(a² - rho²) + log a - (a - rho²)/(a² - rho²) + 1/a, which is
     * -1/2 log(1 - rho²) at h = 0. Derived by hand from the Gaussian cross-entropy.
     */
    static double resubstitutionLimit(double rho, double h) {
        double a = 1 + h * h;
        double det = a * a - rho * rho;
        return -0.5 * Math.log(det) + Math.log(a) - (a - rho * rho) / det + 1 / a;
    }

    /**
     * Against {@link #resubstitutionLimit} (n = 3000, Scott's h): on top of it the self term adds a positive bias
     * of about E[1/(n 2 pi h² f_h)] ≈ 0.01–0.02 (larger in the tails), and the noise is ≈ 0.01. Allowed 0.025
     * below and 0.045 above.
     */
    @Test
    void convergesToTheResubstitutionLimit() {
        int n = 3000;
        for (double rho : new double[] {0.3, 0.8}) {
            Samples[] xy = Synthetic.gaussian(n, rho, 71);
            double h = Math.pow(n, -1.0 / 6);
            double gap = mi(xy[0], xy[1], Map.of()) - resubstitutionLimit(rho, h);
            assertTrue(gap > -0.025 && gap < 0.045, "rho " + rho + ": " + gap);
        }
    }

    /**
     * Several dimensions against a direct evaluation of the definition with normalised Gaussian densities
     * (written independently of the estimator's cancelled form), on 40 samples of 2 + 3 dimensions with a given
     * bandwidth. Tolerance: rounding only.
     */
    @Test
    void matchesTheDefinitionInSeveralDimensions() {
        Samples x = Synthetic.gaussian(40, 2, 2, 0.5, 72)[0];
        Samples y = Synthetic.gaussian(40, 3, 0, 0, 73)[1];
        double h = 0.4;
        double[] xs = standardised(x);
        double[] ys = standardised(y);
        double sum = 0;
        for (int i = 0; i < 40; i++) {
            double fx = 0;
            double fy = 0;
            double fxy = 0;
            for (int j = 0; j < 40; j++) {
                double kx = gauss(xs, 2, i, j, h);
                double ky = gauss(ys, 3, i, j, h);
                fx += kx / 40;
                fy += ky / 40;
                fxy += kx * ky / 40;
            }
            sum += Math.log(fxy / (fx * fy));
        }
        assertEquals(sum / 40, mi(x, y, Map.of("bandwidth-rule", "fixed", "bandwidth", h)), 1e-12);
    }

    private static double[] standardised(Samples s) {
        double[] v = s.toRowMajor();
        int d = s.cols();
        for (int c = 0; c < d; c++) {
            double[] col = s.column(c);
            double m = java.util.Arrays.stream(col).average().orElseThrow();
            double var = java.util.Arrays.stream(col).map(a -> (a - m) * (a - m)).sum() / col.length;
            for (int r = 0; r < s.rows(); r++) {
                v[r * d + c] /= Math.sqrt(var);
            }
        }
        return v;
    }

    /** Normalised isotropic Gaussian density of the difference of rows i and j, bandwidth h. */
    private static double gauss(double[] v, int d, int i, int j, double h) {
        double q = 0;
        for (int k = 0; k < d; k++) {
            double g = (v[i * d + k] - v[j * d + k]) / h;
            q += g * g;
        }
        return Math.exp(-0.5 * q) / Math.pow(2 * Math.PI * h * h, d / 2.0);
    }

    @Test
    void threadsDoNotChangeTheResult() {
        Samples[] xy = Synthetic.gaussian(5000, 0.5, 73);
        assertEquals(mi(xy[0], xy[1], Map.of("threads", 1)), mi(xy[0], xy[1], Map.of("threads", 2)), 0.0);
    }

    @Test
    void rejectsConstantColumns() {
        Samples[] xy = Synthetic.gaussian(20, 0.5, 74);
        assertThrows(InvalidDataException.class, () -> mi(Synthetic.map(xy[0], v -> 2.0), xy[1], Map.of()));
    }

    /** Invariant under rescaling of a column (columns are standardised), up to rounding. */
    @Property(tries = 15)
    void scaleInvariant(@ForAll long seed) {
        Samples[] xy = Synthetic.gaussian(200, 0.6, seed);
        double forward = mi(xy[0], xy[1], Map.of("bandwidth-rule", "silverman"));
        assertEquals(forward, mi(Synthetic.map(xy[0], v -> 1000 * v), xy[1], Map.of("bandwidth-rule", "silverman")),
                1e-10);
    }
}
