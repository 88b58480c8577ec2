package org.milab.plugins.energy.analysis;

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
        List<Measured> measured = layers.stream().map(Measured::of).toList();
        Map<String, Double> scalars = new LinkedHashMap<>();
        XYChart chart = new XYChartBuilder().width(640).height(520).title("Resolution and relevance per layer")
                .xAxisTitle("H[S]  [bits]").yAxisTitle("H[K]  [bits]").build();
        for (Measured m : measured) {
            m.putScalars(scalars);
            m.plot(chart);
        }
        Table table = new Table("resolution and relevance of each layer's states on the data (bits)",
                List.of("layer", "units", "rows", "distinct states", "H[S]", "H[K]", "log2 rows"),
                measured.stream().map(Measured::row).toList());
        return new AnalysisResult(List.of(table), scalars, verdicts(measured),
                layers.isEmpty() ? List.of() : Figures.save(chart, ctx.artifactsDir(), "relevance"));
    }

    /** The verdict naming the most relevant layer (the first of the largest H[K]). */
    private static List<String> verdicts(List<Measured> measured) {
        Measured best = null;
        double bestHk = Double.NEGATIVE_INFINITY;
        for (Measured m : measured) {
            if (m.hk() > bestHk) {
                bestHk = m.hk();
                best = m;
            }
        }
        return best == null ? List.of("no layer states in the result")
                : List.of(String.format(Locale.ROOT, "layer %d is the most relevant: H[K] = %.3f bits at H[S] = %.3f",
                best.layer().index(), bestHk, best.hs()));
    }

    /**
     * One layer's state counts with its resolution and relevance.
     *
     * @param hs resolution H[S], bits
     * @param hk relevance H[K], bits
     */
    private record Measured(LayerRecord layer, StateCounts counts, double hs, double hk) {

        static Measured of(LayerRecord l) {
            StateCounts c = StateCounts.of(l.states());
            return new Measured(l, c, InfoUnit.BITS.fromNats(c.resolution()), InfoUnit.BITS.fromNats(c.relevance()));
        }

        List<Object> row() {
            return List.of(layer.index(), layer.states().cols(), counts.rows(), counts.distinct(), hs, hk,
                    InfoUnit.BITS.fromNats(Math.log(counts.rows())));
        }

        void putScalars(Map<String, Double> scalars) {
            scalars.put("layer" + layer.index() + "/resolution-bits", hs);
            scalars.put("layer" + layer.index() + "/relevance-bits", hk);
        }

        void plot(XYChart chart) {
            XYSeries p = chart.addSeries("layer " + layer.index() + " (" + layer.states().cols() + " units)",
                    new double[] {hs}, new double[] {hk});
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
