package org.milab.plugins.neural.critic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.milab.api.model.ModelFactory;
import org.milab.api.testkit.TestRunContext;

/** Builds a critic as the trainer does and checks the critic convention. */
final class CriticHarness implements AutoCloseable {

    final NDManager manager = NDManager.newBaseManager();
    final Block block;
    final ParameterStore store = new ParameterStore(manager, false);

    CriticHarness(ModelFactory factory, Map<String, ?> params, int n, int dx, int dy) {
        try (TestRunContext ctx = TestRunContext.of(factory, 1, params)) {
            block = factory.build(CriticShapes.of(n, dx, dy), ctx);
        }
        manager.getEngine().setRandomSeed(3);
        block.initialize(manager, DataType.FLOAT32, new Shape(n, dx), new Shape(n, dy));
    }

    NDArray scores(NDArray x, NDArray y) {
        return block.forward(store, new NDList(x, y), false).singletonOrThrow();
    }

    /**
     * Scores have shape (n, m), and entry (i, j) is the score of the pair (x_i, y_j) alone: the critic looks at one
     * pair at a time. float32 sums over a few hundred terms agree to ~1e-6 relative; 1e-4 absolute allows for it.
     */
    void checkConvention(int n, int m, int dx, int dy) {
        NDArray x = manager.randomNormal(new Shape(n, dx));
        NDArray y = manager.randomNormal(new Shape(m, dy));
        NDArray s = scores(x, y);
        assertEquals(new Shape(n, m), s.getShape());
        float[] all = s.toFloatArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                float one = scores(x.get(new NDIndex("{}:{}", i, i + 1)), y.get(new NDIndex("{}:{}", j, j + 1)))
                        .getFloat();
                assertEquals(all[i * m + j], one, 1e-4 * Math.max(1, Math.abs(one)), "pair " + i + "," + j);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
