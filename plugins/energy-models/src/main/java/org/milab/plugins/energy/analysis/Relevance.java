package org.milab.plugins.energy.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InfoUnit;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.energy.LayerRecord;
import org.pf4j.Extension;

/**
 * Resolution H[S] and relevance H[K] of every layer of a trained energy model ({@code rbm}, {@code dbn}, {@code hfm}),
 * from the layer's most likely state on each data row ({@link StateCounts}; Song, Marsili and Jo 2018; Cubero et al.
 * 2019), in bits, with the ceiling log2 M. Output: a table, the (H[S], H[K]) plane as PNG and SVG, and a verdict
 * naming the most relevant layer. Cost: O(M H) per layer.
 */
@Extension
@Citation(authors = "Song, J., Marsili, M., Jo, J.", year = 2018, title = "Resolution and relevance trade-offs in deep "
        + "learning", venue = "Journal of Statistical Mechanics 123406", doi = "10.1088/1742-5468/aaf10f")
@Citation(authors = "Cubero, R. J., Jo, J., Marsili, M., Roudi, Y.", year = 2019, title = "Statistical criticality "
        + "arises in most informative representations", venue = "Journal of Statistical Mechanics 063402",
        doi = "10.1088/1742-5468/ab16c8")
public final class Relevance implements Analysis {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("relevance", "Resolution H[S] and relevance H[K] of each layer's states on the data.");
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("model", TrainingResult.class, "the result of an rbm, dbn or hfm node"));
    }

    @Override
    public AnalysisResult analyse(Inputs inputs, RunContext ctx) {
        List<LayerRecord> layers = LayerRecord.read(inputs.get("model", TrainingResult.class));
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Double> scalars = new LinkedHashMap<>();
        XYChart chart = new XYChartBuilder().width(640).height(520).title("Resolution and relevance per layer")
                .xAxisTitle("H[S]  [bits]").yAxisTitle("H[K]  [bits]").build();
        LayerRecord best = null;
        double bestHk = Double.NEGATIVE_INFINITY;
        for (LayerRecord l : layers) {
            StateCounts c = StateCounts.of(l.states());
            double hs = InfoUnit.BITS.fromNats(c.resolution());
            double hk = InfoUnit.BITS.fromNats(c.relevance());
            rows.add(List.of(l.index(), l.states().cols(), c.rows(), c.distinct(), hs, hk,
                    InfoUnit.BITS.fromNats(Math.log(c.rows()))));
            scalars.put("layer" + l.index() + "/resolution-bits", hs);
            scalars.put("layer" + l.index() + "/relevance-bits", hk);
            XYSeries p = chart.addSeries("layer " + l.index() + " (" + l.states().cols() + " units)",
                    new double[] {hs}, new double[] {hk});
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CIRCLE);
            if (hk > bestHk) {
                bestHk = hk;
                best = l;
            }
        }
        List<String> verdicts = best == null ? List.of("no layer states in the result")
                : List.of(String.format(Locale.ROOT, "layer %d is the most relevant: H[K] = %.3f bits at H[S] = %.3f",
                best.index(), bestHk, scalars.get("layer" + best.index() + "/resolution-bits")));
        Path dir = ctx.artifactsDir();
        Table table = new Table("resolution and relevance of each layer's states on the data (bits)",
                List.of("layer", "units", "rows", "distinct states", "H[S]", "H[K]", "log2 rows"), rows);
        return new AnalysisResult(List.of(table), scalars, verdicts,
                layers.isEmpty() ? List.of() : Figures.save(chart, dir, "relevance"));
    }
}
