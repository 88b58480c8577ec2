package org.milab.plugins.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/** The reduced staircase that CI runs: the whole pipeline (training, figure, CSV, table, verdicts) in seconds. */
class GaussianStaircaseTest implements ExtensionContract {

    private static final Map<String, Object> REDUCED = Map.of("bounds", "infonce, smile(tau=1), mine",
            "critic", "separable-critic(hidden=[32], embedding=8)", "dim", 4, "stages", "[1, 3]",
            "steps-per-stage", 40, "batch-size", 16, "learning-rate", 3e-3, "smoothing", 10);

    @Override
    public MilabExtension extension() {
        return new GaussianStaircase();
    }

    @Test
    void producesFigureTracesTableAndVerdicts() throws IOException {
        try (TestRunContext ctx = TestRunContext.of(new GaussianStaircase(), 5, REDUCED)) {
            ctx.withComponents(NeuralComponents.all());
            AnalysisResult result = new GaussianStaircase().analyse(Inputs.of(Map.of()), ctx);

            Path figure = result.figures().get(0);
            byte[] png = Files.readAllBytes(figure);
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', figure.toString());
            List<String> csv = Files.readAllLines(figure.resolveSibling("staircase-separable-critic.csv"));
            assertEquals(1 + 80, csv.size());

            Table table = result.tables().get(0);
            assertEquals(3 * 2, table.rows().size());
            assertEquals(List.of("infonce", 1.0), table.rows().get(0).subList(0, 2));
            assertEquals(3, result.verdicts().size());
            assertEquals(3 * 80, ctx.metrics().size());
            // InfoNCE can never exceed log(batch) = log 16 at any step
            assertTrue(ctx.metrics().stream().filter(m -> m.name().equals("infonce"))
                    .allMatch(m -> m.value() <= Math.log(16) + 1e-5));
        }
    }

    @Test
    void aDivergingBoundIsReportedNotFatal() {
        Map<String, Object> params = new java.util.HashMap<>(REDUCED);
        params.put("bounds", "nwj, infonce");
        params.put("max-score", 1.0);
        params.put("learning-rate", 0.05);
        try (TestRunContext ctx = TestRunContext.of(new GaussianStaircase(), 5, params)) {
            ctx.withComponents(NeuralComponents.all());
            AnalysisResult result = new GaussianStaircase().analyse(Inputs.of(Map.of()), ctx);
            assertTrue(result.verdicts().get(0).startsWith("nwj diverged at step "), result.verdicts().get(0));
            assertEquals(2 * 2, result.tables().get(0).rows().size());
        }
    }
}
