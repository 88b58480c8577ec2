package org.milab.plugins.neural.critic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;

class BilinearCriticTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new BilinearCritic();
    }

    @Test
    void scoresEachPairAlone() {
        try (CriticHarness h = new CriticHarness(new BilinearCritic(), Map.of("hidden", "[8, 4]"), 4, 3, 5)) {
            h.checkConvention(4, 6, 3, 5);
        }
    }

    @Test
    void withoutEncodersItIsBilinear() {
        try (CriticHarness h = new CriticHarness(new BilinearCritic(), Map.of(), 4, 3, 2)) {
            NDArray x = h.manager.randomNormal(new Shape(4, 3));
            NDArray y = h.manager.randomNormal(new Shape(4, 2));
            float[] twice = h.scores(x.mul(2f), y).toFloatArray();
            float[] sum = h.scores(x, y.add(y)).toFloatArray();
            float[] once = h.scores(x, y).mul(2f).toFloatArray();
            assertArrayEquals(once, twice, 1e-5f);
            assertArrayEquals(once, sum, 1e-5f);
        }
    }
}
