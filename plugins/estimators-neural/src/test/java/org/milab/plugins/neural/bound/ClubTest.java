package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.bound.CriticKind;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class ClubTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Club();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.diagMean(f) - java.util.Arrays.stream(f).flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
    }

    @Test
    void contrastsPairedAndAllLogDensities() {
        double[][] f = ScoreMatrices.random(16, 2.0, 14);
        assertEquals(ScoreMatrices.diagMean(f), objective(new Club(), f), FLOAT_TOLERANCE);
        assertEquals(CriticKind.LOG_DENSITY, new Club().critic());
    }
}
