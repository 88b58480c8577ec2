package org.milab.plugins.kd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.MilabExtension;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.plugins.classic.knn.Ksg1;
import org.milab.plugins.classic.knn.RossMixed;
import org.milab.plugins.kd.loss.HintonKd;
import org.milab.plugins.models.Mlp;

class CchTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new Cch();
    }

    @Test
    void noisingTheTeacherClosesTheGapAndTheReportIsComplete() throws Exception {
        Map<String, Object> p = Map.of("teacher-noise", "0, 6", "seeds", 2, "epochs", 8, "labelled", 40,
                "model", "mlp(hidden=[8])", "teacher-model", "mlp(hidden=[8])", "learning-rate", 0.01);
        try (TestRunContext ctx = TestRunContext.of(new Cch(), 3, p)
                .withComponents(new Mlp(), new HintonKd(), new Ksg1(), new RossMixed())) {
            AnalysisResult r = new Cch().analyse(Inputs.of(Map.of("dataset", TinyData.twoViews(500, 0.7, 8))), ctx);
            List<List<Object>> rows = r.tables().get(0).rows();
            assertEquals(2, rows.size());
            double clean = (Double) rows.get(0).get(1);
            double noisy = (Double) rows.get(1).get(1);
            // the clean teacher's logits share most of the latent with the student's (I of several tenths of a
            // nat); noise 6x the signal leaves ln(1 + 1/36) < 0.03 nats in the teacher's input, below k-NN error
            assertTrue(clean > 0.2 && noisy < 0.1 && noisy < clean, "I(T;S) " + clean + " -> " + noisy);
            assertTrue(Files.size(r.figures().get(0)) > 1000, "a PNG was written");
            assertEquals(3, r.verdicts().size(), "one verdict per level and a summary");
            assertTrue(r.scalars().containsKey("levels"));
            double gapLow = (Double) rows.get(0).get(4);
            double gapHigh = (Double) rows.get(0).get(5);
            assertTrue(gapLow <= (Double) rows.get(0).get(3) && (Double) rows.get(0).get(3) <= gapHigh,
                    "the gap's interval over the seeds holds its mean: " + rows.get(0));
        }
    }

    @Test
    void replicatesReportWhereTheSignsChangeAcrossSeeds() throws Exception {
        Map<String, Object> p = Map.of("teacher-noise", "0, 6", "seeds", 2, "replicates", 3, "epochs", 4,
                "labelled", 40, "model", "mlp(hidden=[8])", "teacher-model", "mlp(hidden=[8])", "learning-rate", 0.01);
        try (TestRunContext ctx = TestRunContext.of(new Cch(), 3, p)
                .withComponents(new Mlp(), new HintonKd(), new Ksg1(), new RossMixed())) {
            AnalysisResult r = new Cch().analyse(Inputs.of(Map.of("dataset", TinyData.twoViews(500, 0.7, 8))), ctx);
            assertEquals(2, r.tables().get(0).rows().size(), "one row per level, pooled over the replicates");
            List<List<Object>> perReplicate = r.tables().get(1).rows();
            assertEquals(3, perReplicate.size());
            assertEquals(3.0, r.scalars().get("replicates"));
            assertTrue(r.verdicts().stream().anyMatch(v -> v.startsWith("Across 3 replicates the gap")), r.verdicts()
                    .toString());
            assertTrue(r.verdicts().get(0).contains("over 3 replicates"), r.verdicts().get(0));
            double gapLow = (Double) r.tables().get(0).rows().get(0).get(4);
            assertTrue(Double.isFinite(gapLow), "the gap has an interval over the replicates");
        }
    }

    @Test
    void rejectsUnreadableNoiseLevels() {
        assertThrows(IllegalArgumentException.class, () -> Cch.NOISE.parse("0, -1"));
        assertThrows(IllegalArgumentException.class, () -> Cch.NOISE.parse("0, a"));
        assertEquals(3, Cch.NOISE.parse("[0, 0.5, 2]").size());
        assertEquals(2, Cch.NOISE.parse(java.util.List.of(0, 1.5)).size());
    }
}
