package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.milab.api.EstimationException;

class BalancedWeightsTest {

    // the rule is closed-form arithmetic: tolerances are rounding error only

    @Test
    void independentModalitiesWeightByRelativeLoss() {
        BalancedWeights w = BalancedWeights.of(new double[] {0.2, 0.6}, 0.0, 1.0);
        assertEquals(0.0, w.redundancy(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.5}, w.unimodal(), 1e-12);
    }

    @Test
    void sharedInformationPullsTheWeightsTowardsLambda() {
        double mi = 0.5 * Math.log(2); // rho = 1 - exp(-ln 2) = 1/2
        BalancedWeights w = BalancedWeights.of(new double[] {0.2, 0.6}, mi, 2.0);
        assertEquals(0.5, w.redundancy(), 1e-12);
        // 2 * (0.5 * 0.5 + 0.5) = 1.5 and 2 * (0.5 * 1.5 + 0.5) = 2.5
        assertArrayEquals(new double[] {1.5, 2.5}, w.unimodal(), 1e-12);
        BalancedWeights redundant = BalancedWeights.of(new double[] {0.2, 0.6}, 20, 2.0);
        assertArrayEquals(new double[] {2, 2}, redundant.unimodal(), 1e-12);
    }

    @Test
    void negativeEstimatesCountAsIndependenceAndPerfectFitsAsEqual() {
        assertArrayEquals(new double[] {0.5, 1.5}, BalancedWeights.of(new double[] {0.2, 0.6}, -0.1, 1).unimodal(),
                1e-12);
        assertArrayEquals(new double[] {3, 3}, BalancedWeights.of(new double[] {0, 0}, 0.3, 3).unimodal(), 1e-12);
    }

    @Property(tries = 200)
    void theWeakerModalityNeverGetsLessAndTheMeanIsLambda(@ForAll @DoubleRange(min = 0, max = 5) double l1,
                                                          @ForAll @DoubleRange(min = 0, max = 5) double l2,
                                                          @ForAll @DoubleRange(min = -1, max = 4) double mi,
                                                          @ForAll @DoubleRange(min = 0, max = 3) double lambda) {
        double[] w = BalancedWeights.of(new double[] {l1, l2}, mi, lambda).unimodal();
        assertEquals(lambda, (w[0] + w[1]) / 2, 1e-9 * (1 + lambda));
        assertTrue(l1 > l2 ? w[0] >= w[1] : w[0] <= w[1] + 1e-12, "weights " + w[0] + ", " + w[1]);
    }

    @Test
    void divergedLossesAreReported() {
        EstimationException e = assertThrows(EstimationException.class,
                () -> BalancedWeights.of(new double[] {0.3, Double.NaN}, 0.1, 1));
        assertTrue(e.getMessage().contains("modality 2"), e.getMessage());
    }
}
