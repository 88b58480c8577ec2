package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.models.Mlp;

class MidTest implements KdStrategyContract {

    @Override
    public TrainingStrategy strategy() {
        return new Mid();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("input", "x1", "encoder", "mlp(hidden=[8])", "epochs", 2);
    }

    private static TrainingResult train(double lambda) {
        try (TestRunContext ctx = TestRunContext.of(new Mid(), 7, Map.of("input", "x1", "encoder", "mlp(hidden=[16])",
                "lambda", lambda, "epochs", 15, "learning-rate", 0.01)).withComponents(new Mlp())) {
            TrainingResult r = new Mid().train(Inputs.of(Map.of("dataset", TinyData.twoViews(400, 0.5, 3))), ctx);
            assertEquals(15, ctx.metrics().stream().filter(m -> m.name().equals("model/kl")).count());
            return r;
        }
    }

    @Test
    void theRegulariserBoundsWhatTheLogitsCarry() {
        TrainingResult free = train(0);
        TrainingResult squeezed = train(0.5);
        // the logits are the bottleneck: two classes, so the output has two columns
        assertEquals(2, free.representations().get("output").cols());
        // lambda = 0.5 prices each nat of I(X; Yhat) bound at half a nat of cross-entropy: it must shrink it
        assertTrue(squeezed.metrics().get("test-kl") < 0.5 * free.metrics().get("test-kl"),
                "KL " + squeezed.metrics() + " against " + free.metrics());
        // the label needs at most ln 2 nats, so a moderate squeeze still classifies well (Bayes about 0.95)
        assertTrue(squeezed.metrics().get("test-accuracy") > 0.85, "accuracy " + squeezed.metrics());
    }
}
