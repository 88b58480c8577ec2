package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class DvTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Dv();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.dv(f);
    }

    @Test
    void trainsOnItsValue() {
        double[][] f = ScoreMatrices.random(16, 2.0, 1);
        assertEquals(ScoreMatrices.dv(f), objective(new Dv(), f), FLOAT_TOLERANCE);
    }

    @Test
    void isInvariantToAConstantShift() {
        double[][] f = ScoreMatrices.random(16, 1.0, 2);
        double[][] g = new double[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                g[i][j] = f[i][j] + 7.5;
            }
        }
        assertEquals(value(new Dv(), f), value(new Dv(), g), FLOAT_TOLERANCE * 10);
    }
}
