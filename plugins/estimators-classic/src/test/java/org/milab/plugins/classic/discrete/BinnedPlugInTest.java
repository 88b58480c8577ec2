package org.milab.plugins.classic.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class BinnedPlugInTest implements EstimatorContract {

    private final BinnedPlugIn binned = new BinnedPlugIn();

    @Override
    public Estimator estimator() {
        return binned;
    }

    /**
     * Gaussian, rho = 0.9, n = 20000, Freedman–Diaconis bins (≈ 60 per axis), Miller–Madow: the discretisation
     * loss at bin width ≈ 0.1 sd is about h²/(12(1 - rho²)) ≈ 0.005 nats; the first-order bias of the ≈ 1000
     * occupied joint cells, (m - 1)/(2n) ≈ 0.025, is removed by Miller–Madow and what remains is of second order
     * (Paninski 2003, Sec. 3); the plug-in noise is ≈ 0.005. Allowed 0.05.
     */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(20000, 0.9, 2, 0.05);
    }

    private Estimate estimate(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(binned, 1, params)) {
            return binned.estimate(x, y, ctx);
        }
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Y = X with 10 equal-frequency bins of 100 samples each: exactly log 10 without correction. */
    @Test
    void equalFrequencyOfIdentityIsLogBins() {
        Samples[] xy = Synthetic.gaussian(1000, 0.0, 1);
        Samples x = xy[0];
        double mi = estimate(x, x, params("binning", "equal-frequency", "bins", 10, "correction", "none")).nats();
        assertEquals(Math.log(10), mi, 1e-12);
    }

    /** Equal-frequency bins on {@link #knownTruth()}'s case, same tolerance. */
    @Test
    void approachesGaussianMiWithEqualFrequencyBins() {
        Samples[] xy = Synthetic.gaussian(20000, 0.9, 2);
        double truth = Synthetic.gaussianMi(1, 0.9);
        assertEquals(truth, estimate(xy[0], xy[1], params("binning", "equal-frequency")).nats(), 0.05);
    }

    /** Freedman–Diaconis for n = 1000 standard normals: width 2·1.349·1000^(-1/3) = 0.27 over a range ≈ 6.5. */
    @Test
    void rulesPickSensibleBinCounts() {
        Samples[] xy = Synthetic.gaussian(1000, 0.5, 3);
        double fd = estimate(xy[0], xy[1], params()).diagnostics().get("bins-x-first-column");
        assertTrue(fd >= 15 && fd <= 35, "Freedman-Diaconis: " + fd);
        double br = estimate(xy[0], xy[1], params("rule", "birge-rozenholc")).diagnostics().get("bins-x-first-column");
        assertTrue(br >= 2 && br <= 60, "Birge-Rozenholc: " + br);
        double st = estimate(xy[0], xy[1], params("rule", "sturges")).diagnostics().get("bins-x-first-column");
        assertEquals(11, st, 0.0);
    }

    /** Equal-frequency bins follow the ranks: Freedman–Diaconis gives ⌈n^(1/3)⌉-ish bins even for Cauchy tails. */
    @Test
    void equalFrequencyRulesSeeRanks() {
        Samples[] t = Synthetic.studentT(1000, 0.5, 1, 5);
        double bins = estimate(t[0], t[1], params("binning", "equal-frequency")).diagnostics().get("bins-x-first-column");
        // FD on uniform ranks: IQR 0.5, width 2 * 0.5 * 1000^(-1/3) = 0.1, range 1: 10 bins.
        assertEquals(10, bins, 0.0);
        assertThrows(org.milab.api.ConfigurationException.class,
                () -> estimate(t[0], t[1], params("binning", "equal-frequency", "rule", "birge-rozenholc")));
    }

    @Test
    void rejectsNonFinite() {
        Samples[] xy = Synthetic.gaussian(50, 0.5, 4);
        assertThrows(InvalidDataException.class,
                () -> estimate(Synthetic.map(xy[0], v -> v > 1 ? Double.NEGATIVE_INFINITY : v), xy[1], params()));
    }

    /** Equal-frequency bins depend on ranks only: exactly invariant under increasing maps of a column. */
    @Property(tries = 20)
    void equalFrequencyIsRankInvariant(@ForAll long seed) {
        Samples[] xy = Synthetic.gaussian(400, 0.7, seed);
        Map<String, Object> p = params("binning", "equal-frequency", "bins", 8);
        assertEquals(estimate(xy[0], xy[1], p).nats(),
                estimate(Synthetic.map(xy[0], Math::exp), Synthetic.map(xy[1], v -> v * v * v), p).nats(), 1e-12);
    }
}
