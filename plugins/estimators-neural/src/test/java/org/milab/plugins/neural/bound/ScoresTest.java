package org.milab.plugins.neural.bound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void offDiagonalHoldsExactlyTheUnpairedEntries() {
        int n = 5;
        NDArray f = manager.arange(0f, n * n).reshape(n, n);
        float[] got = Scores.offDiagonal(f).toFloatArray();
        Arrays.sort(got);
        float[] want = new float[n * (n - 1)];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    want[k++] = i * n + j;
                }
            }
        }
        assertArrayEquals(want, got);
        assertArrayEquals(new float[] {0, 6, 12, 18, 24}, Scores.diagonal(f).toFloatArray());
    }

    @Test
    void gradientsFlowThroughTheViews() {
        NDArray f = manager.randomNormal(new Shape(4, 4));
        f.setRequiresGradient(true);
        try (GradientCollector c = manager.getEngine().newGradientCollector()) {
            c.backward(Scores.offDiagonal(f).sum().add(Scores.diagonal(f).sum().mul(3f)));
        }
        float[] g = f.getGradient().toFloatArray();
        for (int k = 0; k < 16; k++) {
            assertEquals(k % 5 == 0 ? 3f : 1f, g[k], 0f, "entry " + k);
        }
    }

    @Test
    void logMeanExpIsStableForLargeScores() {
        NDArray big = manager.create(new float[] {1000f, 1000f, 1000f - (float) Math.log(4)});
        // log((e^1000 + e^1000 + e^1000/4) / 3) = 1000 + log(2.25 / 3)
        assertEquals(1000 + Math.log(0.75), Scores.logMeanExp(big).getFloat(), 1e-3);
    }
}
