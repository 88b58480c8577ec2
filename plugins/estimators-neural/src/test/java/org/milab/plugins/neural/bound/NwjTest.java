package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.MiBoundContract;

class NwjTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Nwj();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.diagMean(f) - ScoreMatrices.offMeanExp(f, Double.POSITIVE_INFINITY) / Math.E;
    }

    /** The optimal critic is 1 + log p(x,y)/(p(x)p(y)): 1 for independent inputs. */
    @Override
    public double uninformativeScore() {
        return 1;
    }

    @Test
    void trainsOnItsValue() {
        double[][] f = ScoreMatrices.random(16, 2.0, 6);
        assertEquals(referenceValue(f), objective(new Nwj(), f), FLOAT_TOLERANCE);
    }
}
