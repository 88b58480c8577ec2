package org.milab.plugins.energy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milab.api.Inputs;
import org.milab.api.InvalidDataException;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.testkit.TestRunContext;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.energy.Bars;
import org.milab.plugins.energy.hfm.HfmTraining;
import org.milab.plugins.energy.rbm.DbnTraining;

/** The strategies feed the analyses end to end, as a graph would wire them. */
class EnergyAnalysesTest {

    private static TrainingResult dbn() {
        try (TestRunContext ctx = TestRunContext.of(new DbnTraining(), 1, Map.of("hidden", "[12, 6]", "epochs", 10,
                "learning-rate", 0.1))) {
            return new DbnTraining().train(Inputs.of(Map.of("dataset", Bars.of(300, 2))), ctx);
        }
    }

    @Test
    void aDbnGivesEveryLayerItsResolutionRelevanceAndSpectrum() {
        TrainingResult r = dbn();
        assertTrue(r.metrics().get("layer1/reconstruction-error-final")
                < r.metrics().get("layer1/reconstruction-error-initial"), r.metrics().toString());
        try (TestRunContext ctx = TestRunContext.of(new Relevance(), 1)) {
            AnalysisResult a = new Relevance().analyse(Inputs.of(Map.of("model", r)), ctx);
            assertEquals(2, a.tables().get(0).rows().size());
            double hs = a.scalars().get("layer1/resolution-bits");
            // 12 bars: at most log2 12 = 3.58 bits of distinct states if the layer separates them, at least some
            assertTrue(hs > 1 && hs <= Math.log(300) / Math.log(2), "H[S] " + hs);
            assertEquals(2, a.figures().size());
        }
        try (TestRunContext ctx = TestRunContext.of(new EnergySpectrum(), 1)) {
            AnalysisResult a = new EnergySpectrum().analyse(Inputs.of(Map.of("model", r)), ctx);
            assertEquals(2, a.tables().get(0).rows().size(), a.verdicts().toString());
            assertTrue(Double.isFinite(a.scalars().get("layer2/slope")));
        }
    }

    @Test
    void anHfmLayerHasTheExactSpectrumOfItsG() {
        TrainingResult r;
        try (TestRunContext ctx = TestRunContext.of(new HfmTraining(), 1, Map.of("features", 6, "steps", 20))) {
            r = new HfmTraining().train(Inputs.of(Map.of("dataset", Bars.of(200, 3))), ctx);
        }
        double g = r.metrics().get("g");
        try (TestRunContext ctx = TestRunContext.of(new EnergySpectrum(), 1, Map.of("bins", 600))) {
            AnalysisResult a = new EnergySpectrum().analyse(Inputs.of(Map.of("model", r)), ctx);
            assertEquals(Math.log(2) / g, a.scalars().get("layer1/slope"), 0.02 * Math.log(2) / g);
        }
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRefusedWithTheirPlace() {
        Dataset d = Dataset.builder("bad").view("x", Samples.wrap(2, 2, new double[] {0, 1, 2, 0},
                Samples.names("p", 2))).build();
        try (TestRunContext ctx = TestRunContext.of(new HfmTraining(), 1)) {
            InvalidDataException e = assertThrows(InvalidDataException.class,
                    () -> new HfmTraining().train(Inputs.of(Map.of("dataset", d)), ctx));
            assertTrue(e.getMessage().contains("row 1, column 'p0'"), e.getMessage());
        }
    }
}
