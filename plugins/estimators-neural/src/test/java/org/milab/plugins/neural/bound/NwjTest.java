package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class NwjTest extends BoundTestBase implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Nwj();
    }

    @Test
    void matchesTheFormula() {
        double[][] f = ScoreMatrices.random(16, 2.0, 6);
        double want = ScoreMatrices.diagMean(f) - ScoreMatrices.offMeanExp(f, Double.POSITIVE_INFINITY) / Math.E;
        assertEquals(want, value(new Nwj(), f), FLOAT_TOLERANCE);
        assertEquals(want, objective(new Nwj(), f), FLOAT_TOLERANCE);
    }
}
