package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class JsTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Js();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.tuba(f, 0);
    }

    @Test
    void trainsOnJensenShannonAndReportsNwjOfTheShiftedCritic() {
        double[][] f = ScoreMatrices.random(16, 2.0, 10);
        assertEquals(ScoreMatrices.jsObjective(f), objective(new Js(), f), FLOAT_TOLERANCE);
    }
}
