package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.milab.api.ConfigurationException;
import org.milab.api.EstimationException;
import org.milab.api.bound.MiBound;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.neural.bound.InfoNce;
import org.milab.plugins.neural.critic.CriticShapes;
import org.milab.plugins.neural.critic.SeparableCritic;

class CriticTrainerTest {

    private static Block smallCritic(int dim) {
        SeparableCritic factory = new SeparableCritic();
        try (TestRunContext ctx = TestRunContext.of(factory, 1, Map.of("hidden", "[16]", "embedding", 4))) {
            return factory.build(CriticShapes.of(16, dim, dim), ctx);
        }
    }

    private static float[] train(long seed, int steps, NDManager parent, CriticBackend backend) {
        BatchSource source = new GaussianBatches(16, 3, step -> 1.0);
        float[] values = new float[steps];
        try (NDManager run = parent.newSubManager();
             CriticTrainer t = new CriticTrainer("infonce", new InfoNce(), smallCritic(3), new Shape(16, 3),
                     new Shape(16, 3), new CriticTrainer.Settings(1e-2, 1e4, seed, backend), run,
                     (s, value, objective) -> values[(int) s - 1] = value)) {
            for (int s = 1; s <= steps; s++) {
                try (NDManager m = run.newSubManager()) {
                    t.step(source.next(m, s), s);
                }
            }
            t.flush();
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(value = CriticBackend.class, names = {"ENGINE", "FUSED"})
    void sameSeedSameTraceOnCpu(CriticBackend backend) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] a = train(42, 50, m, backend);
            assertArrayEquals(a, train(42, 50, m, backend));
            assertFalse(Arrays.equals(a, train(43, 50, m, backend)));
        }
    }

    /**
     * The fused kernels and the engine train the same critic from the same initial weights on the same batches: the
     * traces agree step by step (float rounding, amplified a little by Adam), and not by accident: another seed's
     * trace differs by far more.
     */
    @Test
    void fusedAndEngineTrainTheSameCritic() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] engine = train(5, 60, m, CriticBackend.ENGINE);
            float[] fused = train(5, 60, m, CriticBackend.FUSED);
            float[] other = train(6, 60, m, CriticBackend.FUSED);
            double worst = 0;
            double apart = 0;
            for (int i = 0; i < engine.length; i++) {
                worst = Math.max(worst, Math.abs(engine[i] - fused[i]));
                apart = Math.max(apart, Math.abs(engine[i] - other[i]));
            }
            assertTrue(worst < 1e-4, "largest step difference " + worst);
            assertTrue(apart > 0.1, "another seed differs by only " + apart);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CriticBackend.class, names = {"ENGINE", "FUSED"})
    void learnsTheMutualInformation(CriticBackend backend) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = train(1, 400, m, backend);
            double last = 0;
            for (int i = 300; i < 400; i++) {
                last += v[i] / 100.0;
            }
            // 1 nat in 3-d with batch 16 (cap log 16 = 2.77): InfoNCE's bias at this batch is ~0.1-0.2 nats and
            // the per-step sd ~0.3, so the mean of the last 100 steps lies within 0.5 of the truth
            assertEquals(1.0, last, 0.5);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CriticBackend.class, names = {"ENGINE", "FUSED"})
    void memoryStaysFlatOverManySteps(CriticBackend backend) {
        try (NDManager base = NDManager.newBaseManager(); NDManager run = base.newSubManager();
             CriticTrainer t = new CriticTrainer("infonce", new InfoNce(), smallCritic(3), new Shape(16, 3),
                     new Shape(16, 3), new CriticTrainer.Settings(1e-3, 1e4, 1, backend), run, (s, value, objective) -> { })) {
            BatchSource source = new GaussianBatches(16, 3, step -> 1.0);
            int[] counts = new int[3];
            for (int s = 1; s <= 3010; s++) {
                try (NDManager m = run.newSubManager()) {
                    t.step(source.next(m, s), s);
                }
                if (s == 10 || s == 1010 || s == 3010) {
                    counts[s == 10 ? 0 : s == 1010 ? 1 : 2] = base.getManagedArrays().size();
                }
            }
            // the critic's 8 weights and biases (two 2-layer encoders, initial values), on the engine the flat
            // parameter buffer and its 2 Adam moments (fused: float arrays), at most READBACK_EVERY pending 3-vectors,
            // and nothing else, at every point
            int trainerArrays = backend == CriticBackend.ENGINE ? 3 : 0;
            assertEquals(8 + trainerArrays + 10 % CriticTrainer.READBACK_EVERY, counts[0]);
            assertArrayEquals(new int[] {counts[0], counts[0], counts[0]}, counts);
        }
    }

    @Test
    void fusedRefusesWhatItCannotTrainNamingTheParameter() {
        SeparableCritic factory = new SeparableCritic();
        Block gelu;
        try (TestRunContext ctx = TestRunContext.of(factory, 1, Map.of("hidden", "[8]", "embedding", 4,
                "activation", "gelu"))) {
            gelu = factory.build(CriticShapes.of(16, 3, 3), ctx);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> new CriticTrainer("infonce",
                    new InfoNce(), gelu, new Shape(16, 3), new Shape(16, 3),
                    new CriticTrainer.Settings(1e-3, 1e4, 1, CriticBackend.FUSED), m, (s, value, objective) -> { }));
            assertTrue(e.getMessage().contains("critic-backend") && e.getMessage().contains("gelu"), e.getMessage());
            // auto falls back to the engine for the same critic
            try (CriticTrainer t = new CriticTrainer("infonce", new InfoNce(), gelu, new Shape(16, 3),
                    new Shape(16, 3), new CriticTrainer.Settings(1e-3, 1e4, 1), m, (s, value, objective) -> { })) {
                assertTrue(t.backend().contains("engine"), t.backend());
            }
        }
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        MiBound exploding = new MiBound() {
            @Override
            public org.milab.api.ExtensionInfo info() {
                return org.milab.api.ExtensionInfo.of("my-bound", "log of the mean score, for tests");
            }

            @Override
            public NDArray value(NDArray scores) {
                return scores.mean().log();   // NaN as soon as the mean score is negative
            }
        };
        try (NDManager base = NDManager.newBaseManager();
             CriticTrainer t = new CriticTrainer("my-bound", exploding, smallCritic(3), new Shape(16, 3),
                     new Shape(16, 3), new CriticTrainer.Settings(1e-3, 1e4, 1), base, (s, value, objective) -> { })) {
            BatchSource source = new GaussianBatches(16, 3, step -> 1.0);
            EstimationException e = assertThrows(EstimationException.class, () -> {
                for (int s = 1; s <= 200; s++) {
                    try (NDManager m = base.newSubManager()) {
                        NDList batch = source.next(m, s);
                        t.step(batch, s);
                    }
                }
                t.flush();
            });
            assertTrue(e.getMessage().matches("bound 'my-bound' diverged at step \\d+: the training objective is NaN.*"),
                    e.getMessage());
        }
    }
}
