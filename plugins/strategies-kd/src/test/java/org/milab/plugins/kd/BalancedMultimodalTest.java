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
import org.milab.plugins.classic.knn.Ksg1;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.models.ConcatFusion;
import org.milab.plugins.models.Mlp;

class BalancedMultimodalTest implements KdStrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new BalancedMultimodal();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("epochs", 2);
    }

    private static TrainingResult train(TestRunContext ctx, double studentNoise) {
        return new BalancedMultimodal().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, studentNoise, 3))),
                ctx);
    }

    private static TestRunContext context(Map<String, Object> params) {
        return TestRunContext.of(new BalancedMultimodal(), 5, params)
                .withComponents(new Mlp(), new ConcatFusion(), new HintonKd(), new Ksg1());
    }

    @Test
    void findsTheWeakerViewWeightsItUpAndLearns() {
        try (TestRunContext ctx = context(Map.of("model", "concat-fusion(encoder=mlp(hidden=[16]), embedding=4)",
                "unimodal-model", "mlp(hidden=[16])", "epochs", 8, "pretrain-epochs", 4, "learning-rate", 0.01,
                "mi-rows", 200))) {
            TrainingResult r = train(ctx, 2.0);
            assertEquals(2.0, r.metrics().get("weaker-view"), "x2 carries noise 2 against x1's 0.2");
            // the rule gives the view with the larger validation loss the larger weight (BalancedWeights)
            assertTrue(r.metrics().get("weight-x2") > r.metrics().get("weight-x1"), "weights " + r.metrics());
            // Bayes accuracy from x1 alone is about 0.95; 80 test rows give a binomial sd of 0.025
            assertTrue(r.metrics().get("test-accuracy") > 0.85, "accuracy " + r.metrics());
            List<TestRunContext.Metric> loss = ctx.metrics().stream()
                    .filter(m -> m.name().equals("model/train-loss")).toList();
            assertEquals(8, loss.size());
            assertTrue(loss.get(7).value() < loss.get(0).value(), "stage-2 loss " + loss);
            assertTrue(ctx.metrics().stream().anyMatch(m -> m.name().equals("model/mi")));
            assertTrue(ctx.metrics().stream().anyMatch(m -> m.name().equals("pretrain/train-loss")));
            assertEquals(80, r.representations().get("output").rows());
        }
    }

    @Test
    void divergenceStopsWithAClearMessage() {
        try (TestRunContext ctx = context(Map.of("max-loss", 1e-3, "epochs", 1, "pretrain-epochs", 1))) {
            EstimationException e = assertThrows(EstimationException.class, () -> train(ctx, 0.5));
            assertTrue(e.getMessage().contains("diverged at epoch 1, step 1"), e.getMessage());
        }
    }
}
