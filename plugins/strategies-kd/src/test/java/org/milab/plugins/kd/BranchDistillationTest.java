package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.models.ConcatFusion;
import org.milab.plugins.models.Mlp;

class BranchDistillationTest {

    private static Map<String, float[]> snapshot(Block block) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    @Test
    void gradientsReachTheWeakBranchOnly() {
        try (TestRunContext ctx = TestRunContext.of(new BalancedMultimodal(), 2, Map.of("epochs", 3))
                .withComponents(new Mlp(), new ConcatFusion(), new HintonKd())) {
            Prepared data = Prepared.of(TinyData.twoViews(200, 1.0, 4), "label", Task.CLASSIFICATION, ctx);
            Views views = Views.of(data, ctx);
            Settings s = Settings.of(ctx);
            NDManager m = ctx.ndManager();
            Session session = new Session(s, ctx, new Trainer.Progress(ctx, 100), m);
            Block tb = Components.model(ctx, org.milab.api.param.ComponentSpec.parse("mlp(hidden=[8])"), s.batch(),
                    2, 2);
            Network teacher = Fit.train("teacher", tb, new Fit.Data(views.each().get(0), data.target(), data.split(), 0),
                    1, null, session, 1).network();
            Block fb = Components.model(ctx, org.milab.api.param.ComponentSpec.parse("concat-fusion(encoder=mlp("
                    + "hidden=[8]), embedding=4)"), s.batch(), views.joined().cols(), views.modelDefaults(2));
            Network net = Network.initialise(fb, new Shape(s.batch(), views.joined().cols()), m, 3);
            Map<String, float[]> before = snapshot(fb);
            Fit.Distillation kd = CrossModalKd.distillation(ctx, teacher, views.each().get(0), m, "embedding2");
            BranchDistillation.train(net, new Fit.Data(views.joined(), data.target(), data.split(), 0), 1, 1.0, kd,
                    session, 5);
            Map<String, float[]> after = snapshot(fb);
            List<String> moved = before.keySet().stream()
                    .filter(k -> !Arrays.equals(before.get(k), after.get(k))).toList();
            for (String k : before.keySet()) {
                boolean weak = k.contains("encoder2") || k.contains("head2");
                if (!weak) {
                    // Adam with zero gradient and no weight decay leaves a weight exactly where it was
                    assertArrayEquals(before.get(k), after.get(k), 0f, k + " is outside the weak branch");
                }
            }
            assertFalse(moved.isEmpty(), "the weak branch must train");
            assertTrue(moved.stream().allMatch(k -> k.contains("encoder2") || k.contains("head2")), "moved " + moved);
        }
    }
}
