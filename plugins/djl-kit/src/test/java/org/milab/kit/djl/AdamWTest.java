package org.milab.kit.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void firstStepsMoveByTheLearningRateAgainstTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f, 3f});
            w.setRequiresGradient(true);
            AdamW adam = new AdamW(List.of(w), 0.1, 0.0, m);
            for (int step = 0; step < 2; step++) {
                try (NDManager s = m.newSubManager(); GradientCollector c = m.getEngine().newGradientCollector()) {
                    NDArray x = s.create(new float[] {1f, 1f, 1f});
                    c.backward(w.mul(x).mul(new float[] {2f, -5f, 0.5f}.length).sum());   // gradient 3 everywhere
                    adam.update(s);
                }
            }
            // a constant gradient g: m_t/(1-b1^t) = g and v_t/(1-b2^t) = g^2, so each step moves by lr exactly
            assertArrayEquals(new float[] {0.8f, -2.2f, 2.8f}, w.toFloatArray(), 1e-5f);
        }
    }
}
