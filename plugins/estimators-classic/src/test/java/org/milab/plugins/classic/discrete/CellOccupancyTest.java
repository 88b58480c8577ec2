package org.milab.plugins.classic.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

/** Binned and discrete plug-in estimates say so when their rows fill the joint cells too thinly. */
class CellOccupancyTest {

    private static Estimate binned(Samples[] xy, Map<String, ?> params) {
        BinnedPlugIn binned = new BinnedPlugIn();
        try (TestRunContext ctx = TestRunContext.of(binned, 1, params)) {
            return binned.estimate(xy[0], xy[1], ctx);
        }
    }

    @Test
    void fiveByFiveGaussianIsFlaggedAndItsEstimateIsNearLnN() {
        Samples[] xy = Synthetic.gaussian(5000, 5, 5, 0.3, 3);
        Estimate e = binned(xy, Map.of());
        assertEquals(1, e.warnings().size(), e.warnings().toString());
        assertTrue(e.warnings().get(0).contains("fewer than 5") && e.warnings().get(0).contains("10 columns"),
                e.warnings().get(0));
        // the reason for the warning: far from the truth (0.24 nats), near ln n = 8.5
        assertTrue(e.nats() > 5 * Synthetic.gaussianMi(5, 0.3), e.toString());
    }

    @Test
    void oneDimensionalGaussianWithFewBinsIsNotFlagged() {
        Samples[] xy = Synthetic.gaussian(5000, 0.6, 3);
        assertTrue(binned(xy, Map.of()).warnings().isEmpty());
        assertTrue(binned(xy, Map.of("bins", 10)).warnings().isEmpty());
    }

    @Test
    void tooManyBinsOnOneColumnIsFlaggedToo() {
        Samples[] xy = Synthetic.gaussian(2000, 0.6, 3);
        assertEquals(1, binned(xy, Map.of("bins", 200)).warnings().size());
    }

    @Test
    void discreteDataWithMostRowsUniqueIsFlagged() {
        Samples[] xy = Synthetic.gaussian(500, 0.6, 3);
        DiscretePlugIn discrete = new DiscretePlugIn();
        try (TestRunContext ctx = TestRunContext.of(discrete, 1, Map.of())) {
            assertEquals(1, discrete.estimate(xy[0], xy[1], ctx).warnings().size());
        }
    }
}
