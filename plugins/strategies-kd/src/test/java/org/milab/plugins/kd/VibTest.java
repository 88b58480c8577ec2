package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.EstimationException;
import org.milab.api.Inputs;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.models.Mlp;

class VibTest implements KdStrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new Vib();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("input", "x1", "encoder", "mlp(hidden=[8])", "epochs", 2);
    }

    private static TrainingResult train(TestRunContext ctx) {
        return new Vib().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.5, 3))), ctx);
    }

    private static TestRunContext context(double beta) {
        Map<String, Object> p = new HashMap<>(Map.of("input", "x1", "encoder", "mlp(hidden=[16])", "bottleneck", 4,
                "epochs", 15, "learning-rate", 0.01));
        p.put("beta", beta);
        return TestRunContext.of(new Vib(), 7, p).withComponents(new Mlp());
    }

    private static List<TestRunContext.Metric> series(TestRunContext ctx, String name) {
        return ctx.metrics().stream().filter(m -> m.name().equals(name)).toList();
    }

    @Test
    void lossDecreasesAndTheKlIsReportedPerEpoch() {
        try (TestRunContext ctx = context(1e-3)) {
            TrainingResult r = train(ctx);
            List<TestRunContext.Metric> loss = series(ctx, "model/train-loss");
            assertEquals(15, loss.size());
            assertEquals(15, series(ctx, "model/kl").size());
            // starts near ln 2 = 0.69; x1 separates the classes to about 0.95 accuracy
            assertTrue(loss.get(14).value() < 0.5 * loss.get(0).value(), "loss " + loss);
            assertTrue(r.metrics().get("test-kl") >= 0, "a KL is non-negative: " + r.metrics());
            assertEquals(4, r.representations().get("penultimate").cols(), "z-mean has the bottleneck's width");
        }
    }

    @Test
    void betaZeroLearnsLikeDeterministicTraining() {
        double vib;
        try (TestRunContext ctx = context(0)) {
            vib = train(ctx).metrics().get("test-accuracy");
        }
        double plain;
        try (TestRunContext ctx = TestRunContext.of(new Supervised(), 7, Map.of("input", "x1", "model",
                "mlp(hidden=[16])", "epochs", 15, "learning-rate", 0.01)).withComponents(new Mlp())) {
            plain = new Supervised().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.5, 3))), ctx)
                    .metrics().get("test-accuracy");
        }
        // both near the Bayes accuracy of about 0.95 on 80 test rows: each has a binomial sd of about 0.025, so the
        // difference of two independent runs has sd 0.035; 0.08 is more than two of them
        assertEquals(plain, vib, 0.08, "vib(beta=0) " + vib + " against supervised " + plain);
    }

    @Test
    void largerBetaSqueezesTheBottleneck() {
        double small;
        double large;
        try (TestRunContext ctx = context(0)) {
            small = train(ctx).metrics().get("test-kl");
        }
        try (TestRunContext ctx = context(1)) {
            large = train(ctx).metrics().get("test-kl");
        }
        // beta = 1 trades a nat of KL for a nat of cross-entropy: the KL must end well below the unpenalised one
        assertTrue(large < 0.5 * small, "KL with beta 1: " + large + ", with beta 0: " + small);
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        try (TestRunContext ctx = TestRunContext.of(new Vib(), 1, Map.of("input", "x1", "max-loss", 1e-3, "epochs", 2))
                .withComponents(new Mlp())) {
            EstimationException e = assertThrows(EstimationException.class, () -> train(ctx));
            assertTrue(e.getMessage().contains("diverged at epoch 1, step 1"), e.getMessage());
        }
    }
}
