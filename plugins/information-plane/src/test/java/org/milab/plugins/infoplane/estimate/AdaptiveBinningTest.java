package org.milab.plugins.infoplane.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.junit.jupiter.api.Test;

class AdaptiveBinningTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new AdaptiveBinning();
    }

    static double mi(Samples a, Samples b, int bins) {
        return new AdaptiveBinning().estimate(a, b, TestRunContext.of(new AdaptiveBinning(), 1, Map.of("bins", bins)))
                .nats();
    }

    @Test
    void equalMassBinsAreEqualInMass() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = Math.exp(i / 10.0);
        }
        double[] e = new EqualMassGrid().edges(sorted, 4);
        assertArrayEquals(new double[] {sorted[25], sorted[50], sorted[75]}, e);
    }

    @Test
    void tiedValuesKeepABinOfTheirOwn() {
        // a ReLU-like layer: 60% zeros, then a spread of positive values
        double[] sorted = new double[100];
        for (int i = 60; i < 100; i++) {
            sorted[i] = i - 59;
        }
        double[] e = new EqualMassGrid().edges(sorted, 10);
        // the quantiles at 10%..50% are 0 and drop out; 60%..90% remain: the zeros get one bin, then four above
        assertArrayEquals(new double[] {1, 11, 21, 31}, e);
    }

    @Test
    void aDeterministicSkewedLayerCarriesItsOwnEntropy() {
        Samples x = Patterns.all(12);
        // T = exp(number of active bits): 13 distinct values, badly spread for equal-width bins
        Samples t = Patterns.column(x.rows(), r -> Math.exp(Integer.bitCount(r)));
        // with at least as many equal-mass bins as values each value gets its own bin
        assertEquals(Patterns.binomialEntropy(12), mi(t, x, 4096), 1e-9);
        // equal-width bins (13 of them over [1, e^12]) merge all but the top values
        double coarse = LayerBinningTest.mi(t, x, 13);
        assertTrue(coarse < 0.2 * Patterns.binomialEntropy(12), "equal width: " + coarse);
    }

    @Test
    void independentUnitsShareNothing() {
        Samples x = Patterns.all(8);
        assertEquals(0, mi(Patterns.columns(x, 0, 4), Patterns.columns(x, 4, 8), 30), 1e-12);
    }
}
