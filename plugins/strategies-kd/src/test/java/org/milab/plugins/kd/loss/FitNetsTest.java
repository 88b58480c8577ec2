package org.milab.plugins.kd.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class FitNetsTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new FitNets();
    }

    @Test
    void theRegressorLearnsALinearMap() {
        try (TestRunContext ctx = TestRunContext.of(new FitNets(), 1)) {
            NDManager m = ctx.ndManager();
            m.getEngine().setRandomSeed(3);
            NDArray s = m.randomNormal(new Shape(64, 3));
            NDArray t = s.matMul(m.create(new float[] {1, -2, 0.5f, 0, 1, 3}, new Shape(3, 2)));
            double[] loss = LossBench.trainHead(new FitNets(), ctx, t, s, 300, 0.3f, m);
            // t is exactly linear in s: the regression error must nearly vanish (100x below its start)
            assertTrue(loss[1] < 0.01 * loss[0], "loss " + loss[0] + " -> " + loss[1]);
        }
    }
}
