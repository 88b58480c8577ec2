package org.milab.plugins.neural.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.MilabExtension;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class SeparableCriticTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new SeparableCritic();
    }

    @Test
    void scoresEachPairAlone() {
        try (CriticHarness h = new CriticHarness(new SeparableCritic(), Map.of("hidden", "[16]", "embedding", 4,
                "activation", "tanh"), 6, 3, 2)) {
            h.checkConvention(6, 5, 3, 2);
        }
    }

    @Test
    void scoreMatrixHasRankAtMostTheEmbedding() {
        try (CriticHarness h = new CriticHarness(new SeparableCritic(), Map.of("hidden", "[8]", "embedding", 1),
                4, 2, 2)) {
            // with a 1-d embedding, f(x_i, y_j) = g_i h_j: every 2x2 minor vanishes
            float[] s = h.scores(h.manager.randomNormal(new Shape(4, 2)), h.manager.randomNormal(new Shape(4, 2)))
                    .toFloatArray();
            assertEquals(s[0] * s[5], s[1] * s[4], 1e-5 * Math.max(1, Math.abs(s[0] * s[5])));
        }
    }

    @Test
    void needsTheCriticBuildShape() {
        try (TestRunContext ctx = TestRunContext.of(new SeparableCritic(), 1)) {
            assertThrows(ConfigurationException.class, () -> new SeparableCritic().build(new Shape(64, 20), ctx));
        }
    }
}
