package org.milab.plugins.neural.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.milab.api.model.ModelFactory;
import org.milab.api.testkit.TestRunContext;
import org.milab.kit.djl.FlatParameters;
import org.milab.plugins.neural.bound.InfoNce;
import org.milab.plugins.neural.critic.CriticShapes;
import org.milab.plugins.neural.critic.JointCritic;
import org.milab.plugins.neural.critic.SeparableCritic;

/**
 * The fused kernels against the engine's autograd on the same initial critic and batch: the scores, and the gradient
 * of the InfoNCE objective at every parameter, agree to float rounding; and after training steps the parameters
 * still agree (Adam included).
 */
class FusedCriticTest {

    private static final int N = 24;
    private static final int DX = 5;
    private static final int DY = 3;

    private static Block critic(ModelFactory factory, Map<String, Object> params, NDManager manager) {
        try (TestRunContext ctx = TestRunContext.of(factory, 1, params)) {
            Block block = factory.build(CriticShapes.of(N, DX, DY), ctx);
            manager.getEngine().setRandomSeed(7);
            block.initialize(manager, DataType.FLOAT32, new Shape(N, DX), new Shape(N, DY));
            return block;
        }
    }

    static Block separable(String activation, String hidden, NDManager manager) {
        return critic(new SeparableCritic(), Map.of("hidden", hidden, "embedding", 6, "activation", activation),
                manager);
    }

    static Block joint(String activation, String hidden, NDManager manager) {
        return critic(new JointCritic(), Map.of("hidden", hidden, "activation", activation), manager);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"separable; relu; [40, 17]", "separable; leaky_relu; [40, 17]",
        "separable; tanh; [40, 17]", "separable; softplus; [40, 17]", "separable; relu; []",
        "joint; relu; [33, 20]", "joint; tanh; [33, 20]", "joint; softplus; [33, 20]", "joint; relu; [7]",
        "joint; leaky_relu; [9, 40, 3]"})
    void scoresAndGradientsMatchTheEngine(String kind, String activation, String hidden) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = kind.equals("joint") ? joint(activation, hidden, manager)
                    : separable(activation, hidden, manager);
            NDArray x = manager.randomNormal(new Shape(N, DX));
            NDArray y = manager.randomNormal(new Shape(N, DY)).add(x.get(":, :3"));
            FlatParameters store = new FlatParameters(block, manager);
            FusedCritic fused = FusedCritic.of(block, DX, 1e-3);
            NDArray scores;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                store.beginStep(manager);
                scores = block.forward(store, new NDList(x, y), true).singletonOrThrow();
                collector.backward(new InfoNce().value(scores).neg());
            }
            float[] ours = fused.scores(x.toFloatArray(), y.toFloatArray(), N, N);
            assertClose(scores.toFloatArray(), ours, 1e-5, "scores");
            fused.backward(engineGradient(scores.stopGradient(), manager));
            assertClose(store.buffer().getGradient().toFloatArray(), fused.gradients(), 1e-4, "gradient");
        }
    }

    /** dL/dS of the negated InfoNCE value at {@code scores}, by the engine. */
    private static float[] engineGradient(NDArray scores, NDManager manager) {
        NDArray leaf = scores.duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(new InfoNce().value(leaf).neg());
        }
        return leaf.getGradient().toFloatArray();
    }

    @Test
    void refusesWhatItCannotTrain() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block gelu = separable("gelu", "[40, 17]", manager);
            assertTrue(FusedCritic.unsupported(gelu).orElseThrow().contains("gelu"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FusedCritic.of(gelu, DX, 1e-3));
            assertTrue(e.getMessage().contains("activation gelu"), e.getMessage());
        }
    }

    /** max |a - b| relative to max |a|. */
    static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(scale > 0, what + " is all zeros");
        assertTrue(worst <= tolerance * scale, what + ": largest difference " + worst + " against scale " + scale);
    }
}
