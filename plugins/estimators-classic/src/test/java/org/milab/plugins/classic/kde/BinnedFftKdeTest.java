package org.milab.plugins.classic.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimator;
import org.milab.api.testkit.EstimatorContract;
import org.milab.api.testkit.KnownTruth;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

class BinnedFftKdeTest implements EstimatorContract {

    private final BinnedFftKde fft = new BinnedFftKde();

    @Override
    public Estimator estimator() {
        return fft;
    }

    /** As for {@code kde} ({@link KdeTest#knownTruth()}): the binning error, about 3e-3 here, is within it. */
    @Override
    public KnownTruth knownTruth() {
        return KnownTruth.gaussian(3000, 0.5, 71, 0.045);
    }

    private double mi(Samples x, Samples y, Map<String, ?> params) {
        try (TestRunContext ctx = TestRunContext.of(fft, 1, params)) {
            return fft.estimate(x, y, ctx).nats();
        }
    }

    /**
     * Against the exact pairwise {@code kde} on the same data and bandwidth: linear binning errs by O((Δ/h)²) in
     * each density; with G = 512 over ≈ 7 standard deviations and h = n^(-1/6) ≈ 0.27, (Δ/h)² ≈ 3e-3 relative,
     * which enters the log-ratio at that order. Allowed 3e-3.
     */
    @Test
    void agreesWithExactKde() {
        Samples[] xy = Synthetic.gaussian(2500, 0.7, 81);
        Kde exact = new Kde();
        double reference;
        try (TestRunContext ctx = TestRunContext.of(exact, 1, Map.of())) {
            reference = exact.estimate(xy[0], xy[1], ctx).nats();
        }
        assertEquals(reference, mi(xy[0], xy[1], Map.of()), 3e-3);
    }

    /**
     * n = 200000 against the resubstitution limit of {@link KdeTest#resubstitutionLimit}: the self-term bias is
     * ≈ 0.002 at this n, the noise ≈ 0.002 and the binning error ≈ 1e-3; allowed 0.01.
     */
    @Test
    void handlesLargeSamples() {
        int n = 200_000;
        Samples[] xy = Synthetic.gaussian(n, 0.8, 82);
        double h = Math.pow(n, -1.0 / 6);
        assertEquals(KdeTest.resubstitutionLimit(0.8, h), mi(xy[0], xy[1], Map.of()), 0.01);
    }

    @Test
    void rejectsMultiColumnAndBadData() {
        Samples[] xy = Synthetic.gaussian(100, 2, 2, 0.5, 83);
        assertThrows(InvalidDataException.class, () -> mi(xy[0], xy[1], Map.of()));
        Samples[] one = Synthetic.gaussian(100, 0.5, 84);
        assertThrows(InvalidDataException.class, () -> mi(Synthetic.map(one[0], v -> 0.0), one[1], Map.of()));
    }
}
