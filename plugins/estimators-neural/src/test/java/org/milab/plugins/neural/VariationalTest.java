package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milab.api.ConfigurationException;
import org.milab.api.EstimationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.MilabExtension;
import org.milab.api.RunContext;
import org.milab.api.bound.MiBound;
import org.milab.api.data.Dataset;
import org.milab.api.data.DatasetProvider;
import org.milab.api.estimate.Estimate;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;

class VariationalTest implements ExtensionContract {

    /** A small, fast setting: 2-D Gaussian, 1 nat, a 64-unit separable critic, 400 steps of batch 128. */
    private static final Map<String, Object> FAST = Map.of("steps", 400, "batch-size", 128,
            "learning-rate", 3e-3, "eval-every", 50, "critic", "separable-critic(hidden=[64], embedding=16)");

    @Override
    public MilabExtension extension() {
        return new Variational();
    }

    private static Estimate run(GaussianPairs data, long seed, Map<String, Object> overrides,
                                MilabExtension... extra) {
        Map<String, Object> params = new HashMap<>(FAST);
        params.putAll(overrides);
        try (TestRunContext ctx = TestRunContext.of(new Variational(), seed, params)) {
            ctx.withComponents(NeuralComponents.all()).withComponents(extra);
            return new Variational().estimate(data.x, data.y, ctx);
        }
    }

    @Test
    void infoNceRecoversGaussianMi() {
        GaussianPairs data = GaussianPairs.of(4000, 2, 1.0, 1);
        Estimate e = run(data, 7, Map.of());
        // InfoNCE at 1 nat with batch 128 (cap log 128 = 4.85) has a small downward bias (~0.05 nats for a
        // well-trained critic); the validation mean over 6 batches of 128 has se ~0.03; 400 steps leave the critic
        // some way from optimal, so allow 0.25 nats below and 0.15 above (selection of the best evaluation).
        assertTrue(e.nats() > 0.75 && e.nats() < 1.15, "estimate " + e);
        assertTrue(e.standardError().isEmpty(), "no stderr unless asked for (seeds > 1 or the host's stderr)");
        assertTrue(e.diagnostics().containsKey("validation-batch-stderr"));
        assertEquals(Math.log(128), e.diagnostics().get("log-batch-size"), 1e-12);
    }

    @Test
    void seedsGiveTheMeanAndStderrOfIndependentTrainingRuns() {
        GaussianPairs data = GaussianPairs.of(2000, 2, 1.0, 1);
        Map<String, Object> quick = Map.of("steps", 150, "eval-every", 50);
        Estimate single = run(data, 7, quick);
        Map<String, Object> three = new HashMap<>(quick);
        three.put("seeds", 3);
        Estimate e = run(data, 7, three);
        double[] v = {e.diagnostics().get("seed-1-nats"), e.diagnostics().get("seed-2-nats"),
            e.diagnostics().get("seed-3-nats")};
        assertEquals(single.nats(), v[0], 1e-12, "the first run is the plain estimator's");
        assertTrue(v[0] != v[1] && v[1] != v[2], "the runs differ: " + java.util.Arrays.toString(v));
        double mean = (v[0] + v[1] + v[2]) / 3;
        double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean)
                + (v[2] - mean) * (v[2] - mean)) / 2);
        assertEquals(mean, e.nats(), 1e-12);
        assertEquals(sd / Math.sqrt(3), e.standardError().orElseThrow(), 1e-12);
        assertTrue(e.notes().get(0).startsWith("mean of 3 training runs"), e.notes().toString());
    }

    /**
     * The other pair critics train through the estimator (a bias-free first layer included) and learn. The bilinear
     * critic gets a nonlinear encoder: a plain {@code x^T W y} cannot express the {@code y^2} term of the Gaussian log
     * density ratio, and its InfoNCE stays near 0.6 nats here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"joint-critic(hidden=[32, 32])", "bilinear-critic(hidden=[32, 16])"})
    void everyCriticRecoversGaussianMi(String critic) {
        GaussianPairs data = GaussianPairs.of(4000, 2, 1.0, 1);
        Estimate e = run(data, 7, Map.of("critic", critic, "batch-size", 64));
        // As above with batch 64 (cap log 64 = 4.16): the validation mean over 12 batches of 64 has se ~0.03
        assertTrue(e.nats() > 0.75 && e.nats() < 1.15, critic + ": estimate " + e);
    }

    @Test
    void independentPairsGiveAboutZero() {
        GaussianPairs data = GaussianPairs.of(4000, 2, 1.0, 2).shuffled(3);
        Estimate e = run(data, 7, Map.of());
        // True MI 0: InfoNCE on held-out data is then <= 0 in expectation; the best of 8 evaluations with se ~0.03
        // can sit ~0.1 above.
        assertTrue(e.nats() < 0.1, "estimate " + e);
    }

    @Test
    void sameSeedSameEstimate() {
        GaussianPairs data = GaussianPairs.of(1000, 2, 1.0, 4);
        Map<String, Object> shortRun = Map.of("steps", 60, "eval-every", 20);
        assertEquals(run(data, 11, shortRun).nats(), run(data, 11, shortRun).nats(), 0.0);
    }

    @Test
    void recordsTheTrainingTrace() {
        GaussianPairs data = GaussianPairs.of(1000, 2, 1.0, 5);
        Map<String, Object> params = new HashMap<>(FAST);
        params.putAll(Map.of("steps", 50, "eval-every", 10, "patience", 0));
        try (TestRunContext ctx = TestRunContext.of(new Variational(), 3, params)) {
            ctx.withComponents(NeuralComponents.all());
            new Variational().estimate(data.x, data.y, ctx);
            assertEquals(50, ctx.metrics().stream().filter(m -> m.name().equals("train-value")).count());
            assertEquals(5, ctx.metrics().stream().filter(m -> m.name().equals("validation-value")).count());
        }
    }

    @Test
    void lastWindowRuleAveragesTrainingValues() {
        GaussianPairs data = GaussianPairs.of(2000, 2, 1.0, 6);
        Estimate e = run(data, 7, Map.of("estimate", "last-window", "window", 100, "validation-fraction", 0.0));
        // Same setting as infoNceRecoversGaussianMi, read from training batches (slightly optimistic).
        assertTrue(e.nats() > 0.75 && e.nats() < 1.2, "estimate " + e);
        assertEquals(100.0, e.diagnostics().get("window"));
    }

    @Test
    void divergenceNamesBoundStepAndRemedy() {
        GaussianPairs data = GaussianPairs.of(1000, 2, 1.0, 7);
        EstimationException e = assertThrows(EstimationException.class,
                () -> run(data, 7, Map.of("bound", "nwj", "max-score", 2.0, "learning-rate", 0.05)));
        assertTrue(e.getMessage().startsWith("bound 'nwj' diverged at step "), e.getMessage());
        assertTrue(e.getMessage().contains("learning-rate"), e.getMessage());
    }

    @Test
    void aLabsOwnBoundPlugsIn() {
        GaussianPairs data = GaussianPairs.of(2000, 2, 1.0, 8);
        Estimate own = run(data, 7, Map.of("bound", "half-infonce"), new HalfInfoNce());
        // The lab's bound reports half of InfoNCE while training the critic on InfoNCE itself.
        assertTrue(own.nats() > 0.37 && own.nats() < 0.58, "estimate " + own);
    }

    @Test
    void boundParametersReachTheBound() {
        GaussianPairs data = GaussianPairs.of(1000, 2, 1.0, 9);
        Map<String, Object> p = Map.of("steps", 40, "eval-every", 20);
        Map<String, Object> clipped = new HashMap<>(p);
        clipped.put("bound", "smile(tau=0.001)");
        // With tau ~ 0 the partition function is ~1, so SMILE reports the mean paired score; with tau = 5 it does
        // not: the two runs train identically (same seed, same JS objective) and must differ in value.
        Map<String, Object> loose = new HashMap<>(p);
        loose.put("bound", "smile(tau=5)");
        assertTrue(Math.abs(run(data, 3, clipped).nats() - run(data, 3, loose).nats()) > 1e-4);
        assertThrows(ConfigurationException.class, () -> run(data, 3, Map.of("bound", "smile(tau=-1)")));
        assertThrows(ConfigurationException.class, () -> run(data, 3, Map.of("bound", "smile(tau=1")));
        assertThrows(ConfigurationException.class, () -> run(data, 3, Map.of("critic", "no-such-critic")));
    }

    @Test
    void clubUsesAConditionalDensityByDefault() {
        GaussianPairs data = GaussianPairs.of(4000, 2, 1.0, 10);
        Estimate e = run(data, 7, Map.of("bound", "club", "critic", "auto",
                "steps", 400, "learning-rate", 1e-3, "batch-size", 128));
        // For Gaussian data with the exact q, CLUB = sum_d rho^2/(1 - rho^2) = 2 (1 - e^-1)/e^-1 = 3.44 nats, an upper
        // bound well above the true 1 nat; after 400 steps q is close (se ~0.1 on validation), so 3.44 -0.35/+0.35.
        assertTrue(e.nats() > 3.1 && e.nats() < 3.8, "estimate " + e);
    }

    @Test
    void rejectsUnusableData() {
        GaussianPairs a = GaussianPairs.of(100, 2, 1.0, 11);
        GaussianPairs b = GaussianPairs.of(99, 2, 1.0, 11);
        InvalidDataException rows = assertThrows(InvalidDataException.class, () -> {
            try (TestRunContext ctx = TestRunContext.of(new Variational(), 1)) {
                new Variational().estimate(a.x, b.y, ctx);
            }
        });
        assertTrue(rows.getMessage().contains("100") && rows.getMessage().contains("99"), rows.getMessage());
        InvalidDataException few = assertThrows(InvalidDataException.class, () -> run(a, 1, Map.of("batch-size", 90)));
        assertTrue(few.getMessage().contains("batch-size 90"), few.getMessage());
    }

    /** A fresh-data run: FAST settings, training rows from the test generator, {@code validation} for validation. */
    private static Estimate fresh(GaussianPairs validation, long seed, String generator, Map<String, Object> overrides) {
        Map<String, Object> params = new HashMap<>(overrides);
        params.put("fresh-data", generator);
        return run(validation, seed, params, new GaussianGenerator(), new Sizeless());
    }

    @Test
    void freshDataRecoversGaussianMi() {
        GaussianPairs validation = GaussianPairs.of(2000, 2, 1.0, 1);
        Estimate e = fresh(validation, 7, "test-gaussian(mi=1)", Map.of());
        // Every one of the 400 x 128 = 51,200 training rows is new, so the critic cannot overfit; InfoNCE at 1 nat
        // with batch 128 has a small downward bias (~0.05 nats for a well-trained critic) and 400 steps leave the critic
        // some way from optimal; the validation mean over the 15 batches of 128 in the 2,000 held-out rows has se
        // ~0.02-0.035, and taking the best of 8 evaluations adds up to ~2 se: so 1 nat -0.2/+0.1 (seeds 1-8 gave
        // 0.95-0.98).
        assertTrue(e.nats() > 0.8 && e.nats() < 1.1, "estimate " + e);
        assertEquals(400 * 128, e.diagnostics().get("fresh-rows"));
        assertEquals(2000, e.sampleCount());
    }

    @Test
    void freshDataNeedsAGeneratorWithN() {
        GaussianPairs validation = GaussianPairs.of(500, 2, 1.0, 12);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> fresh(validation, 7, "sizeless", Map.of()));
        assertTrue(e.getMessage().contains("'fresh-data'") && e.getMessage().contains("parameter 'n'"), e.getMessage());
        ConfigurationException big = assertThrows(ConfigurationException.class,
                () -> fresh(validation, 7, "test-gaussian", Map.of("steps", 40_000, "batch-size", 128)));
        assertTrue(big.getMessage().contains("'fresh-data'") && big.getMessage().contains("40000 x 128"),
                big.getMessage());
    }

    @Test
    void freshDataSameSeedSameEstimate() {
        GaussianPairs validation = GaussianPairs.of(500, 2, 1.0, 13);
        Map<String, Object> shortRun = Map.of("steps", 60, "eval-every", 20);
        double once = fresh(validation, 11, "test-gaussian", shortRun).nats();
        assertEquals(once, fresh(validation, 11, "test-gaussian", shortRun).nats(), 0.0);
        // and the generator is seeded from the run's seed: another seed draws other rows
        assertNotEquals(once, fresh(validation, 12, "test-gaussian", shortRun).nats());
    }

    @Test
    void freshDataMustMatchTheInputsColumns() {
        GaussianPairs validation = GaussianPairs.of(500, 2, 1.0, 14);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> fresh(validation, 7, "test-gaussian(dim=3)", Map.of("steps", 10)));
        assertTrue(e.getMessage().contains("'fresh-data'") && e.getMessage().contains("3 columns")
                && e.getMessage().contains("has 2"), e.getMessage());
    }

    /** A dataset without a size parameter, which fresh-data cannot use. */
    static final class Sizeless implements DatasetProvider {
        @Override
        public ExtensionInfo info() {
            return ExtensionInfo.of("sizeless", "A fixed dataset with no parameter n, for tests.");
        }

        @Override
        public Dataset load(RunContext ctx) {
            GaussianPairs p = GaussianPairs.of(100, 2, 1.0, 1);
            return Dataset.builder("sizeless").view("x", p.x).view("y", p.y).build();
        }
    }

    /** A lab's bound: half of InfoNCE, trained on InfoNCE. */
    static final class HalfInfoNce implements MiBound {
        @Override
        public ExtensionInfo info() {
            return ExtensionInfo.of("half-infonce", "Half of InfoNCE, for tests.");
        }

        @Override
        public NDArray value(NDArray scores) {
            return new org.milab.plugins.neural.bound.InfoNce().value(scores).div(2);
        }

        @Override
        public org.milab.api.bound.TrainingObjective newObjective() {
            return new org.milab.plugins.neural.bound.InfoNce()::value;
        }
    }
}
