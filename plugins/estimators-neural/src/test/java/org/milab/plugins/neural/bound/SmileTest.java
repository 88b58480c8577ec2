package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class SmileTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Smile();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.diagMean(f) - Math.log(ScoreMatrices.offMeanExp(f, 5.0));
    }

    @Test
    void clipsOnlyThePartitionFunction() {
        double[][] f = ScoreMatrices.random(16, 3.0, 11);
        for (double tau : new double[] {0.5, 1, 5}) {
            double want = ScoreMatrices.diagMean(f) - Math.log(ScoreMatrices.offMeanExp(f, tau));
            assertEquals(want, value(with(new Smile(), Map.of("tau", tau)), f), FLOAT_TOLERANCE, "tau " + tau);
        }
        assertEquals(ScoreMatrices.dv(f), value(with(new Smile(), Map.of("tau", "inf")), f), FLOAT_TOLERANCE);
        assertEquals(ScoreMatrices.jsObjective(f), objective(new Smile(), f), FLOAT_TOLERANCE);
    }
}
