package org.milab.plugins.kd.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class VidTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Vid();
    }

    @Test
    void likelihoodRisesWhenTheTeacherIsPredictable() {
        try (TestRunContext ctx = TestRunContext.of(new Vid(), 1)) {
            NDManager m = ctx.ndManager();
            m.getEngine().setRandomSeed(2);
            NDArray s = m.randomNormal(new Shape(128, 3));
            NDArray t = s.matMul(m.randomNormal(new Shape(3, 2))).add(m.randomNormal(new Shape(128, 2)).mul(0.1f));
            double[] loss = LossBench.trainHead(new Vid(), ctx, t, s, 400, 0.05f, m);
            // t = A s + 0.1 noise: the fitted variance falls towards 0.01, so the average negative log-likelihood
            // (1/2 log var + ...) must fall well below its start at variance ln 2; a drop of 1 nat is conservative
            assertTrue(loss[1] < loss[0] - 1, "loss " + loss[0] + " -> " + loss[1]);
        }
    }
}
