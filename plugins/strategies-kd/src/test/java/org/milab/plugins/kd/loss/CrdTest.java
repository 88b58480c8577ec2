package org.milab.plugins.kd.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class CrdTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Crd();
    }

    @Test
    void alignedFeaturesScoreNearZeroAndIndependentNearLogBatch() {
        try (TestRunContext ctx = TestRunContext.of(new Crd(), 1, Map.of("temperature", 0.02))) {
            NDManager m = ctx.ndManager();
            m.getEngine().setRandomSeed(5);
            NDArray t = m.randomNormal(new Shape(32, 16));
            NDArray logits = m.zeros(new Shape(32, 2));
            double aligned = new Crd().loss(LossBench.outputs(logits, t), LossBench.outputs(logits, t), ctx).getFloat();
            // cosines of random directions in 16 dimensions have sd 0.25, so the largest of 31 is about 0.6 (0.8 is
            // beyond 3 sd): each row's positive beats every negative by >= 0.2 / 0.02 = 10 in the exponent, so the
            // loss is below 31 e^-10 = 1.4e-3 and typically below 31 e^-20
            assertEquals(0, aligned, 1.5e-3);
        }
        try (TestRunContext ctx = TestRunContext.of(new Crd(), 1, Map.of("temperature", 100.0))) {
            NDManager m = ctx.ndManager();
            NDArray t = m.randomNormal(new Shape(32, 16));
            NDArray s = m.randomNormal(new Shape(32, 16));
            NDArray logits = m.zeros(new Shape(32, 2));
            double independent = new Crd().loss(LossBench.outputs(logits, t), LossBench.outputs(logits, s), ctx)
                    .getFloat();
            // at a huge temperature every score is ~0, so the loss is log(batch) within 1/tau
            assertEquals(Math.log(32), independent, 0.02);
        }
    }

    @Test
    void theEmbeddingLearnsToMatchPairs() {
        try (TestRunContext ctx = TestRunContext.of(new Crd(), 1, Map.of("temperature", 0.2))) {
            NDManager m = ctx.ndManager();
            m.getEngine().setRandomSeed(9);
            NDArray s = m.randomNormal(new Shape(32, 4));
            NDArray t = s.matMul(m.randomNormal(new Shape(4, 8)));
            double[] loss = LossBench.trainHead(new Crd(), ctx, t, s, 200, 0.5f, m);
            assertTrue(loss[1] < 0.5 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
        }
    }
}
