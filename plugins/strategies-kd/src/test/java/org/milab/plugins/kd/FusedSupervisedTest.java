package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.ConfigurationException;
import org.milab.api.Inputs;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.models.LateFusion;
import org.milab.plugins.models.Mlp;

class FusedSupervisedTest implements KdStrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new FusedSupervised();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("epochs", 2);
    }

    @Test
    void lateFusionLearnsFromBothViews() {
        try (TestRunContext ctx = TestRunContext.of(new FusedSupervised(), 3, Map.of("model",
                "late-fusion(encoder=mlp(hidden=[16]), embedding=8)", "epochs", 10, "learning-rate", 0.01))
                .withComponents(new Mlp(), new LateFusion())) {
            TrainingResult r = new FusedSupervised().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.5,
                    3))), ctx);
            List<TestRunContext.Metric> loss = ctx.metrics().stream()
                    .filter(m -> m.name().equals("model/train-loss")).toList();
            // starts near ln 2 = 0.69; x1 alone separates the classes to about 0.95 accuracy
            assertTrue(loss.get(9).value() < 0.5 * loss.get(0).value(), "loss " + loss);
            assertTrue(r.metrics().get("test-accuracy") > 0.85, "accuracy " + r.metrics());
            assertEquals(16, r.representations().get("penultimate").cols(), "two embeddings of 8");
        }
    }

    @Test
    void viewNoiseNeedsOneLevelPerView() {
        try (TestRunContext ctx = TestRunContext.of(new FusedSupervised(), 3, Map.of("view-noise", List.of(1.0)))
                .withComponents(new Mlp(), new LateFusion())) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> new FusedSupervised()
                    .train(Inputs.of(Map.of("dataset", TinyData.twoViews(50, 0.5, 3))), ctx));
            assertTrue(e.getMessage().contains("one noise level per view"), e.getMessage());
        }
    }
}
