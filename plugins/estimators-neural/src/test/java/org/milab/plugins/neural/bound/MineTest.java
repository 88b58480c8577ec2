package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;
import org.milab.api.testkit.MiBoundContract;

class MineTest extends BoundTestBase implements MiBoundContract {

    @Override
    public MiBound bound() {
        return new Mine();
    }

    @Override
    public double referenceValue(double[][] f) {
        return ScoreMatrices.dv(f);
    }

    @Test
    void objectiveLinearisesLogZAtTheMovingAverage() {
        double[][] a = ScoreMatrices.random(16, 2.0, 4);
        double[][] b = ScoreMatrices.random(16, 0.0, 5);
        MiBound mine = with(new Mine(), Map.of("ema-decay", 0.5));
        TrainingObjective objective = mine.newObjective();
        // first batch: the average starts at Z_a, so the objective equals the DV value
        assertEquals(ScoreMatrices.dv(a), objective.objective(scores(a)).getFloat(), FLOAT_TOLERANCE);
        // second batch: m = (Z_a + Z_b)/2 and the objective is mean f_ii - (log m + Z_b/m - 1)
        double za = ScoreMatrices.offMeanExp(a, Double.POSITIVE_INFINITY);
        double zb = ScoreMatrices.offMeanExp(b, Double.POSITIVE_INFINITY);
        double m = 0.5 * za + 0.5 * zb;
        double want = ScoreMatrices.diagMean(b) - (Math.log(m) + zb / m - 1);
        assertEquals(want, objective.objective(scores(b)).getFloat(), FLOAT_TOLERANCE);
        // a fresh objective starts over
        assertEquals(ScoreMatrices.dv(b), mine.newObjective().objective(scores(b)).getFloat(), FLOAT_TOLERANCE);
    }
}
