package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.data.Dataset;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.kd.loss.Crd;
import org.milab.plugins.kd.loss.FitNets;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.kd.loss.Vid;
import org.milab.plugins.models.Mlp;

class CrossModalKdTest implements KdStrategyContract {

    private static final Dataset DATA = TinyData.twoViews(400, 0.7, 3);

    @Override
    public TrainingStrategy strategy() {
        return new CrossModalKd();
    }

    @Override
    public Map<String, ?> contractParameters() {
        return Map.of("epochs", 2);
    }

    private static TrainingResult kd(Map<String, Object> params, long seed, Map<String, Object> wired) {
        try (TestRunContext ctx = TestRunContext.of(new CrossModalKd(), seed, params)
                .withComponents(new Mlp(), new HintonKd(), new FitNets(), new Crd(), new Vid())) {
            Map<String, Object> in = new HashMap<>(wired);
            in.put("dataset", DATA);
            return new CrossModalKd().train(Inputs.of(in), ctx);
        }
    }

    @Test
    void weightZeroIsPlainTrainingWithTheSameSeed() {
        Map<String, Object> common = Map.of("model", "mlp(hidden=[8])", "epochs", 4, "labelled", 50);
        Map<String, Object> p = new HashMap<>(common);
        p.put("kd-weight", 0.0);
        TrainingResult withKd = kd(p, 21, Map.of());
        Map<String, Object> s = new HashMap<>(common);
        s.put("input", "x2");
        TrainingResult plain;
        try (TestRunContext ctx = TestRunContext.of(new Supervised(), 21, s).withComponents(new Mlp())) {
            plain = new Supervised().train(Inputs.of(Map.of("dataset", DATA)), ctx);
        }
        assertArrayEquals(plain.representations().get("output").toRowMajor(),
                withKd.representations().get("output").toRowMajor(), 0.0, "bit-identical student outputs");
        assertEquals(plain.metrics().get("test-accuracy"), withKd.metrics().get("test-accuracy"));
    }

    @Test
    void gradientsReachTheStudentOnly() {
        // the teacher's blocks live in its context's run manager: keep that context open while students train
        try (TestRunContext ctx = TestRunContext.of(new Supervised(), 4, Map.of("input", "x1", "epochs", 3,
                "model", "mlp(hidden=[8])")).withComponents(new Mlp())) {
            TrainingResult teacher = new Supervised().train(Inputs.of(Map.of("dataset", DATA)), ctx);
            checkTeacherFrozen(teacher);
        }
    }

    private void checkTeacherFrozen(TrainingResult teacher) {
        Block t = teacher.models().get("model");
        List<float[]> before = weights(t);
        for (String loss : List.of("hinton-kd", "fitnets", "crd", "vid")) {
            TrainingResult r = kd(Map.of("loss", loss, "epochs", 2, "model", "mlp(hidden=[8])"), 5,
                    Map.of("teacher", teacher));
            List<float[]> after = weights(t);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), 0f, loss + ": teacher weight " + i + " changed");
            }
            assertTrue(r.metrics().get("test-accuracy") > 0.6, loss + ": the student learned " + r.metrics());
        }
    }

    @Test
    void distillationHelpsAStudentWithFewLabels() {
        Map<String, Object> p = new HashMap<>(Map.of("model", "mlp(hidden=[16])", "teacher-model", "mlp(hidden=[16])",
                "epochs", 20, "labelled", 12, "loss", "hinton-kd(temperature=2)"));
        double[] gain = new double[3];
        for (int seed = 0; seed < gain.length; seed++) {
            p.put("kd-weight", 1.0);
            double with = kd(p, seed, Map.of()).metrics().get("test-accuracy");
            p.put("kd-weight", 0.0);
            double without = kd(p, seed, Map.of()).metrics().get("test-accuracy");
            gain[seed] = with - without;
        }
        // 12 labels leave the plain student far from its ceiling (about 0.85 with student noise 0.7); soft labels on
        // all 280 training rows from a teacher near 0.95 should lift it by several points on average (sd of one
        // accuracy over 80 test rows: about 0.04)
        double mean = (gain[0] + gain[1] + gain[2]) / 3;
        assertTrue(mean > 0.03, "mean accuracy gain " + mean + " from " + java.util.Arrays.toString(gain));
    }

    @Test
    void reportsTeacherAndStudent() {
        TrainingResult r = kd(Map.of("epochs", 2, "model", "mlp(hidden=[4])"), 1, Map.of());
        assertEquals(java.util.Set.of("teacher", "student"), r.models().keySet());
        assertTrue(r.metrics().containsKey("teacher-test-accuracy"));
        assertTrue(r.representations().containsKey("teacher-output"));
        assertFalse(r.representations().get("target").rows() == 0);
    }

    private static List<float[]> weights(Block b) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
