package org.milab.plugins.kd.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class HintonKdTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new HintonKd();
    }

    @Test
    void matchesTheClosedFormOnTwoClasses() {
        try (TestRunContext ctx = TestRunContext.of(new HintonKd(), 1, Map.of("temperature", 2.0))) {
            NDManager m = ctx.ndManager();
            NDArray t = m.create(new float[] {2, 0}, new Shape(1, 2));
            NDArray s = m.create(new float[] {0, 0}, new Shape(1, 2));
            // softened teacher: p = sigmoid(2/2) = 0.731059; student uniform; KL = p ln 2p + (1-p) ln 2(1-p); x T^2
            double p = 1 / (1 + Math.exp(-1));
            double kl = p * Math.log(2 * p) + (1 - p) * Math.log(2 * (1 - p));
            double got = new HintonKd().loss(LossBench.outputs(t, t), LossBench.outputs(s, s), ctx).getFloat();
            assertEquals(4 * kl, got, 1e-5, "float32 rounding only");
            assertEquals(0, new HintonKd().loss(LossBench.outputs(t, t), LossBench.outputs(t, t), ctx).getFloat(),
                    1e-6, "no loss when the logits agree");
        }
    }

    @Test
    void gradientPullsTheStudentTowardsTheTeacher() {
        try (TestRunContext ctx = TestRunContext.of(new HintonKd(), 1)) {
            NDManager m = ctx.ndManager();
            NDArray t = m.create(new float[] {3, -1, 0}, new Shape(1, 3));
            NDArray s = m.create(new float[] {0, 0, 0}, new Shape(1, 3));
            s.setRequiresGradient(true);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                c.backward(new HintonKd().loss(LossBench.outputs(t, t), LossBench.outputs(s, s), ctx));
            }
            float[] g = s.getGradient().toFloatArray();
            assertTrue(g[0] < 0 && g[1] > 0, "descent raises the teacher's top class and lowers its bottom class");
        }
    }

    @Test
    void rejectsMismatchedClasses() {
        try (TestRunContext ctx = TestRunContext.of(new HintonKd(), 1)) {
            NDManager m = ctx.ndManager();
            NDArray t = m.zeros(new Shape(2, 3));
            NDArray s = m.zeros(new Shape(2, 4));
            assertThrows(InvalidDataException.class,
                    () -> new HintonKd().loss(LossBench.outputs(t, t), LossBench.outputs(s, s), ctx));
        }
    }
}
