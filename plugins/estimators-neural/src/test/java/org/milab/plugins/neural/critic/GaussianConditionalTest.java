package org.milab.plugins.neural.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class GaussianConditionalTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new GaussianConditional();
    }

    @Test
    void scoresEachPairAlone() {
        try (CriticHarness h = new CriticHarness(new GaussianConditional(), Map.of("hidden", "[8]"), 4, 3, 2)) {
            h.checkConvention(4, 5, 3, 2);
        }
    }

    @Test
    void scoresAreNormalisedLogDensities() {
        try (CriticHarness h = new CriticHarness(new GaussianConditional(), Map.of("hidden", "[8]"), 3, 2, 1)) {
            // integrate exp(log q(y | x_i)) over a grid; the variance is in [e^-1, e] and the mean O(1), so
            // [-25, 25] holds all but ~1e-50 of the mass, and the midpoint rule with step 0.01 is exact to ~1e-6
            int points = 5000;
            NDArray grid = h.manager.arange(0f, points).mul(0.01f).sub(25f - 0.005f).reshape(points, 1);
            NDArray x = h.manager.randomNormal(new Shape(3, 2));
            float[] mass = h.scores(x, grid).exp().sum(new int[] {1}).mul(0.01f).toFloatArray();
            for (float m : mass) {
                assertEquals(1.0, m, 1e-3);
            }
        }
    }
}
