package org.milab.plugins.infoplane.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.MilabExtension;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.testkit.ExtensionContract;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.classic.knn.Ksg1;
import org.milab.plugins.infoplane.capture.CapturedTrainingTest;
import org.milab.plugins.infoplane.estimate.EstimatorsForTests;

class InformationPlaneTest implements ExtensionContract {

    @Override
    public MilabExtension extension() {
        return new InformationPlane();
    }

    @Test
    void tablesFiguresAndAVerdictPerLayerAndEstimator() throws Exception {
        TestRunContext[] keep = new TestRunContext[1];
        TrainingResult capture = CapturedTrainingTest.train(Map.of("model", "mlp(hidden=[5, 3], activation=relu)",
                "epochs", 20, "snapshots", 3, "seeds", 2, "learning-rate", 0.01, "batch-size", 32), keep);
        keep[0].close();
        List<MilabExtension> components = new java.util.ArrayList<>(EstimatorsForTests.all());
        components.add(new Ksg1());
        try (TestRunContext ctx = TestRunContext.of(new InformationPlane(), 5,
                Map.of("estimators", "ip-binning(bins=30), kde-upper(noise-variance=0.1), ksg(k=3, jitter=1e-8)"))
                .withComponents(components.toArray(MilabExtension[]::new))) {
            AnalysisResult r = new InformationPlane().analyse(Inputs.of(Map.of("capture", capture)), ctx);
            // 3 estimators x 3 layers (two hidden, the output)
            assertEquals(9, r.verdicts().size(), String.join("\n", r.verdicts()));
            assertEquals(12, r.figures().size(), "plane and I(X;T)-vs-epoch, PNG and SVG, per estimator");
            for (Path f : r.figures()) {
                assertTrue(Files.size(f) > 1000, f + " is written");
            }
            Table points = r.tables().get(0);
            int snapshots = capture.metrics().get("snapshots").intValue();
            assertEquals(3 * 2 * snapshots * 3, points.rows().size());
            for (List<Object> row : points.rows()) {
                if (row.get(0).toString().startsWith("ip-binning")) {
                    double ixt = (Double) row.get(5);
                    double ity = (Double) row.get(6);
                    // 256 distinct inputs: I(X;T) <= H(X) = 8 bits; binary label: I(T;Y) <= H(Y) <= 1 bit
                    assertTrue(ixt >= 0 && ixt <= 8 + 1e-9 && ity >= 0 && ity <= 1 + 1e-9, row.toString());
                }
            }
        }
    }
}
