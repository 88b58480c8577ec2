package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class TubaTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Tuba();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.tuba(f, 0);
    }

    @Test
    void matchesTheFormulaAndContainsNwj() {
        double[][] f = ScoreMatrices.random(16, 1.0, 7);
        assertEquals(ScoreMatrices.tuba(f, 2.5), value(with(new Tuba(), Map.of("log-baseline", 2.5)), f), FLOAT_TOLERANCE);
        assertEquals(value(new Nwj(), f), value(with(new Tuba(), Map.of("log-baseline", 1.0)), f), FLOAT_TOLERANCE);
    }
}
