package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.EstimationException;
import org.milab.api.Inputs;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.models.Mlp;

class SupervisedTest implements KdStrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new Supervised();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("input", "x2", "model", "mlp(hidden=[8], dropout=0.2)", "epochs", 3);
    }

    static TrainingResult train(Map<String, Object> params, long seed, TestRunContext[] keep) {
        TestRunContext ctx = TestRunContext.of(new Supervised(), seed, params).withComponents(new Mlp());
        keep[0] = ctx;
        return new Supervised().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.5, 3))), ctx);
    }

    @Test
    void lossDecreasesAndTheModelLearns() {
        TestRunContext[] ctx = new TestRunContext[1];
        TrainingResult r = train(Map.of("input", "x1", "model", "mlp(hidden=[16])", "epochs", 15,
                "learning-rate", 0.01), 7, ctx);
        try (TestRunContext c = ctx[0]) {
            List<TestRunContext.Metric> loss = c.metrics().stream().filter(m -> m.name().equals("model/train-loss"))
                    .toList();
            assertEquals(15, loss.size(), "one train-loss per epoch");
            // cross-entropy starts near ln 2 = 0.69 for two balanced classes; the label is a noisy linear function of
            // x1 (noise 0.2 against unit signal), so a fitted model must at least halve it
            assertTrue(loss.get(14).value() < 0.5 * loss.get(0).value(), "train loss " + loss);
            // Bayes accuracy is about 0.95 (noise 0.2 per coordinate); 80 test rows give a binomial sd of 0.025
            assertTrue(r.metrics().get("test-accuracy") > 0.85, "accuracy " + r.metrics());
            assertEquals(80, r.representations().get("output").rows(), "test rows are 20% of 400");
            assertEquals(16, r.representations().get("penultimate").cols());
            assertTrue(c.metrics().stream().anyMatch(m -> m.name().equals("model/validation-accuracy")));
        }
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        TestRunContext[] ctx = new TestRunContext[1];
        TrainingResult r = train(Map.of("input", "x2", "model", "mlp(hidden=[64, 64])", "epochs", 60, "patience", 3,
                "learning-rate", 0.01, "labelled", 30), 5, ctx);
        ctx[0].close();
        // 30 labelled rows and a 64x64 network overfit quickly: validation loss rises within a few epochs
        assertTrue(r.metrics().get("epochs") < 60, "stopped early: " + r.metrics());
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        TestRunContext[] ctx = new TestRunContext[1];
        EstimationException e = assertThrows(EstimationException.class, () -> train(Map.of("input", "x1",
                "max-loss", 1e-3, "epochs", 2), 1, ctx));
        ctx[0].close();
        assertTrue(e.getMessage().contains("diverged at epoch 1, step 1"), e.getMessage());
        assertTrue(e.getMessage().contains("learning-rate"), e.getMessage());
    }

    @Test
    void regressionFitsARealTarget() {
        int n = 400;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = rng.nextGaussian();
            x[2 * i + 1] = rng.nextGaussian();
            y[i] = x[2 * i] - 2 * x[2 * i + 1] + 0.1 * rng.nextGaussian();
        }
        org.milab.api.data.Dataset data = org.milab.api.data.Dataset.builder("linear")
                .view("x", org.milab.api.data.Samples.wrap(n, 2, x, List.of("a", "b")))
                .view("y", org.milab.api.data.Samples.wrap(n, 1, y, List.of("y"))).build();
        try (TestRunContext ctx = TestRunContext.of(new Supervised(), 3, Map.of("input", "x", "target", "y",
                "task", "regression", "model", "mlp(hidden=[16])", "epochs", 40, "learning-rate", 0.01))
                .withComponents(new Mlp())) {
            TrainingResult r = new Supervised().train(Inputs.of(Map.of("dataset", data)), ctx);
            // y has variance 1 + 4 + 0.01 = 5.01, so predicting its mean costs a squared error of about 5; the
            // target is linear in x, so a fitted model gets well below a tenth of that (noise floor 0.01)
            assertTrue(r.metrics().get("test-loss") < 0.5, "test squared error " + r.metrics());
            assertTrue(!r.metrics().containsKey("test-accuracy"), "no accuracy for regression");
        }
    }
}
