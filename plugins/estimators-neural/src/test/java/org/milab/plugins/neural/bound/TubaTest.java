package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class TubaTest extends BoundTestBase implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Tuba();
    }

    @Test
    void matchesTheFormulaAndContainsNwj() {
        double[][] f = ScoreMatrices.random(16, 1.0, 7);
        assertEquals(ScoreMatrices.tuba(f, 0), value(new Tuba(), f), FLOAT_TOLERANCE);
        assertEquals(ScoreMatrices.tuba(f, 2.5), value(with(new Tuba(), Map.of("log-baseline", 2.5)), f), FLOAT_TOLERANCE);
        assertEquals(value(new Nwj(), f), value(with(new Tuba(), Map.of("log-baseline", 1.0)), f), FLOAT_TOLERANCE);
    }
}
