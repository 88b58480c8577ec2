package org.milab.plugins.classic.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class GaussianCcaTest implements EstimatorContract {

    private final GaussianCca cca = new GaussianCca();

    @Override
    public Estimator estimator() {
        return cca;
    }

    /**
     * On Gaussian data the estimator is the maximum-likelihood MI: its standard deviation is about
     * ρ/√n per pair (delta method: dI/dρ = ρ/(1-ρ²), var ρ̂ ≈ (1-ρ²)²/n), ≤ 0.015 nats for n = 4000; its bias is
     * about d_x d_y/(2n) ≤ 0.002. Tolerance 0.05 covers three standard deviations for three pairs.
     */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(4000, 0.9, 1, 0.05);
    }

    private Estimate estimate(Samples x, Samples y) {
        try (TestRunContext ctx = TestRunContext.of(cca, 1, Map.of())) {
            return cca.estimate(x, y, ctx);
        }
    }

    /** Several dimensions, tolerance as for {@link #knownTruth()}. */
    @Test
    void recoversGaussianMiDenseAndSparse() {
        Samples[] dense = Synthetic.gaussian(4000, 3, 3, 0.6, 2);
        assertEquals(Synthetic.gaussianMi(3, 0.6), estimate(dense[0], dense[1]).nats(), 0.05);
        Samples[] sparse = Synthetic.gaussian(4000, 5, 2, 0.7, 3);
        assertEquals(Synthetic.gaussianMi(2, 0.7), estimate(sparse[0], sparse[1]).nats(), 0.05);
    }

    /** The canonical correlations are reported; for independent pairs they are the per-pair correlations. */
    @Test
    void reportsCanonicalCorrelations() {
        Samples[] xy = Synthetic.gaussian(20000, 2, 1, 0.8, 4);
        Estimate e = estimate(xy[0], xy[1]);
        // sd of a sample correlation near 0.8 at n = 20000: (1 - 0.64)/sqrt(n) = 0.0025; 4 sd.
        assertEquals(0.8, e.diagnostics().get("rho1"), 0.01);
        // The second canonical correlation of independent pairs is |r| of order 1/sqrt(n) = 0.007; 4 sd.
        assertTrue(e.diagnostics().get("rho2") < 0.03);
    }

    /** Exactly invariant under invertible affine maps of X and of Y (canonical correlations are). */
    @Test
    void invariantUnderAffineMaps() {
        Samples[] xy = Synthetic.gaussian(500, 0.5, 5);
        double a = estimate(xy[0], xy[1]).nats();
        double b = estimate(Synthetic.map(xy[0], v -> 3 * v - 7), Synthetic.map(xy[1], v -> -0.01 * v + 2)).nats();
        assertEquals(a, b, 1e-10);
    }

    @Test
    void rejectsBadData() {
        Samples[] xy = Synthetic.gaussian(50, 0.5, 6);
        assertThrows(InvalidDataException.class, () -> estimate(xy[0], xy[0]), "perfect dependence");
        Samples twice = xy[0].withColumnsOf(Synthetic.map(xy[0], v -> 2 * v));
        assertThrows(InvalidDataException.class, () -> estimate(twice, xy[1]), "collinear columns");
        assertThrows(InvalidDataException.class, () -> estimate(Synthetic.map(xy[0], v -> 0), xy[1]), "constant");
        Samples[] tiny = Synthetic.gaussian(3, 0.5, 7);
        assertThrows(InvalidDataException.class, () -> estimate(tiny[0], tiny[1]), "n < d + 2");
    }

    @Property(tries = 30)
    void nonNegative(@ForAll @DoubleRange(min = -0.99, max = 0.99) double rho, @ForAll long seed) {
        Samples[] xy = Synthetic.gaussian(200, 2, 2, rho, seed);
        assertTrue(estimate(xy[0], xy[1]).nats() >= 0);
    }
}
