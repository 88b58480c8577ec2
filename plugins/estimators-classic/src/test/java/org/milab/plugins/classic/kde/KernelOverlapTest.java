package org.milab.plugins.classic.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.Synthetic;

/** The kernel estimator flags a bandwidth that does not suit the data's dimension and size. */
class KernelOverlapTest {

    private static Estimate kde(Samples[] xy, Map<String, ?> params) {
        Kde kde = new Kde();
        try (TestRunContext ctx = TestRunContext.of(kde, 1, params)) {
            return kde.estimate(xy[0], xy[1], ctx);
        }
    }

    @Test
    void highDimensionalDataAreFlagged() {
        Samples[] xy = Synthetic.gaussian(1500, 5, 5, 0.3, 5);
        Estimate e = kde(xy, Map.of());
        assertEquals(1, e.warnings().size(), e.warnings().toString());
        assertTrue(e.warnings().get(0).contains("barely overlap") && e.warnings().get(0).contains("10 dimensions"),
                e.warnings().get(0));
    }

    @Test
    void oneDimensionalDataWithScottsRuleAreNotFlagged() {
        assertTrue(kde(Synthetic.gaussian(1500, 0.6, 5), Map.of()).warnings().isEmpty());
    }

    @Test
    void aTinyOrAHugeFixedBandwidthIsFlagged() {
        Samples[] xy = Synthetic.gaussian(800, 0.6, 5);
        assertTrue(kde(xy, Map.of("bandwidth-rule", "fixed", "bandwidth", 0.001)).warnings().get(0)
                .contains("barely overlap"));
        assertTrue(kde(xy, Map.of("bandwidth-rule", "fixed", "bandwidth", 3.0)).warnings().get(0)
                .contains("exceeds one standard deviation"));
    }

    @Test
    void selfShareIsOneWhenNoKernelsOverlapAndSmallWhenAllDo() {
        double[] x = {0, 10, 20, 30};
        assertEquals(1.0, KernelOverlap.selfShare(x, 1, x, 1, 4, 0.01), 1e-12);
        assertEquals(0.25, KernelOverlap.selfShare(x, 1, x, 1, 4, 1e6), 1e-6);
    }
}
