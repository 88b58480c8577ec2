package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class JsTest extends BoundTestBase implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Js();
    }

    @Test
    void trainsOnJensenShannonAndReportsNwjOfTheShiftedCritic() {
        double[][] f = ScoreMatrices.random(16, 2.0, 10);
        assertEquals(ScoreMatrices.jsObjective(f), objective(new Js(), f), FLOAT_TOLERANCE);
        // NWJ(f + 1) = mean f_ii + 1 - mean_{i!=j} exp f_ij
        assertEquals(ScoreMatrices.tuba(f, 0), value(new Js(), f), FLOAT_TOLERANCE);
    }
}
