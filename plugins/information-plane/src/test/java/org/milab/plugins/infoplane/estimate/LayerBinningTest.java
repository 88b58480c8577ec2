package org.milab.plugins.infoplane.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.data.Samples;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.junit.jupiter.api.Test;

class LayerBinningTest implements ExtensionContract {

    private static final double LN2 = Math.log(2);

    @Override
    public MilabExtension extension() {
        return new LayerBinning();
    }

    static double mi(Samples a, Samples b, int bins) {
        return new LayerBinning().estimate(a, b, TestRunContext.of(new LayerBinning(), 1, Map.of("bins", bins)))
                .nats();
    }

    @Test
    void anInvertibleLayerKeepsAllOfHx() {
        Samples x = Patterns.all(12);
        // T = 2x - 1 scaled per unit: invertible, distinct rows stay distinct after binning on the shared grid
        double[] v = x.toRowMajor();
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.9 * (2 * v[i] - 1);
        }
        Samples t = Samples.wrap(x.rows(), x.cols(), v, x.columnNames());
        // H(X) = 12 bits for 4096 equiprobable patterns
        assertEquals(12 * LN2, mi(t, x, 30), 1e-9);
    }

    @Test
    void aDeterministicLayerCarriesItsOwnEntropy() {
        Samples x = Patterns.all(12);
        // T = number of active bits: 13 values 0..12, each in its own bin with 13 equal-width bins over [0, 12]
        Samples t = Patterns.column(x.rows(), Integer::bitCount);
        assertEquals(Patterns.binomialEntropy(12), mi(t, x, 13), 1e-9, "I(X;T) = H(T) = H(Binomial(12, 1/2))");
    }

    @Test
    void coarseBinsMergeValues() {
        Samples x = Patterns.all(12);
        Samples t = Patterns.column(x.rows(), Integer::bitCount);
        // two bins over [0, 12]: T < 6 or T >= 6; P(T >= 6) = 2510/4096
        double p = 2510.0 / 4096;
        double h = -p * Math.log(p) - (1 - p) * Math.log(1 - p);
        assertEquals(h, mi(t, x, 2), 1e-9);
    }

    @Test
    void independentUnitsShareNothing() {
        Samples x = Patterns.all(10);
        // the first five bits and the last five are exactly independent over the complete enumeration
        assertEquals(0, mi(Patterns.columns(x, 0, 5), Patterns.columns(x, 5, 10), 30), 1e-12);
        assertEquals(5 * LN2, mi(Patterns.columns(x, 0, 5), Patterns.columns(x, 0, 5), 30), 1e-9);
    }

    @Test
    void mismatchedRowsAreRefused() {
        Samples x = Patterns.all(4);
        Samples y = Patterns.all(3);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> mi(x, y, 10));
        assertTrue(e.getMessage().contains("16 rows"), e.getMessage());
    }
}
