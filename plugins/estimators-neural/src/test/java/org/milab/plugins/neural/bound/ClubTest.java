package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.bound.CriticKind;
import org.milab.api.testkit.ExtensionContract;

class ClubTest extends BoundTestBase implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Club();
    }

    @Test
    void contrastsPairedAndAllLogDensities() {
        double[][] f = ScoreMatrices.random(16, 2.0, 14);
        double all = 0;
        for (double[] row : f) {
            for (double v : row) {
                all += v;
            }
        }
        assertEquals(ScoreMatrices.diagMean(f) - all / 256, value(new Club(), f), FLOAT_TOLERANCE);
        assertEquals(ScoreMatrices.diagMean(f), objective(new Club(), f), FLOAT_TOLERANCE);
        assertEquals(CriticKind.LOG_DENSITY, new Club().critic());
    }
}
