package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class InfoNceTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new InfoNce();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.infoNce(f);
    }

    /** Each x_i classifies its own y among the batch: row-wise, so not symmetric. */
    @Override
    public boolean symmetric() {
        return false;
    }

    @Property(tries = 30)
    void neverExceedsLogBatchSize(@ForAll @IntRange(min = 2, max = 40) int n,
                                  @ForAll @DoubleRange(min = 0, max = 200) double shift, @ForAll long seed) {
        double[][] f = ScoreMatrices.random(n, shift, seed);
        try (NDManager own = NDManager.newBaseManager()) {    // jqwik runs outside JUnit's class lifecycle
            double v = new InfoNce().value(ScoreMatrices.of(own, f)).getFloat();
            assertTrue(v <= Math.log(n) + 1e-5, "n=" + n + " shift=" + shift + " value " + v);
        }
    }

    @Test
    void ignoresAPerRowConstant() {
        double[][] f = ScoreMatrices.random(16, 1.0, 9);
        double[][] g = new double[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                g[i][j] = f[i][j] + 3.0 * i;
            }
        }
        assertEquals(value(new InfoNce(), f), value(new InfoNce(), g), FLOAT_TOLERANCE * 10);
    }
}
