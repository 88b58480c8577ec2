package org.milab.plugins.energy.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.analysis.Analysis;
import org.milab.api.analysis.AnalysisResult;
import org.milab.api.analysis.Table;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.energy.LayerRecord;
import org.milab.plugins.energy.hfm.HfmPrior;
import org.milab.plugins.energy.rbm.RbmMarginal;
import org.pf4j.Extension;

/**
 * The energy-level spectrum of every trained layer small enough to enumerate (Xie and Marsili 2021): the energies
 * E_s = −ln p(s) of all 2^H states of the layer's marginal (an RBM layer by {@link RbmMarginal}; an HFM layer
 * E_s = g m_s + ln Z exactly), their density of states and its log-slope β at the low-energy edge
 * ({@link Spectrum}; β = 1 is the Zipf / critical point). Output: a table (layer, units, β, E range), ln N(E) against
 * E per layer as PNG and SVG, and a verdict per layer comparing β with 1.
 * Cost: O(2^H V) per RBM layer.
 */
@Extension
@Citation(authors = "Xie, R., Marsili, M.", year = 2022, title = "A random energy approach to deep learning",
        venue = "Journal of Statistical Mechanics 073404 (arXiv:2112.09420, 2021)", doi = "10.1088/1742-5468/ac7794")
public final class EnergySpectrum implements Analysis {

    static final Parameter<Integer> MAX_UNITS = Parameter.integer("max-units").defaultValue(16).range(1, 24)
            .description("layers with more units are skipped (2^units states are enumerated)").build();
    static final Parameter<Integer> BINS = Parameter.integer("bins").defaultValue(40).range(2, 100_000)
            .description("equal-width energy bins of the density of states").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("energy-spectrum", "Density of energy levels of each trained layer by exact "
                + "enumeration, and its log-slope.", MAX_UNITS, BINS);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("model", TrainingResult.class, "the result of an rbm, dbn or hfm node"));
    }

    @Override
    public AnalysisResult analyse(Inputs inputs, RunContext ctx) {
        Report report = new Report();
        for (LayerRecord l : LayerRecord.read(inputs.get("model", TrainingResult.class))) {
            Optional<double[]> energies = energies(l, ctx.param(MAX_UNITS));
            if (energies.isEmpty()) {
                report.verdicts.add("layer " + l.index() + " (" + l.states().cols() + " units) skipped: more than "
                        + "max-units");
                continue;
            }
            report.add(l, Spectrum.of(energies.get(), ctx.param(BINS)));
        }
        return report.result(ctx.artifactsDir());
    }

    /** The table, scalars, verdicts and figure, layer by layer. */
    private static final class Report {
        private final XYChart chart = new XYChartBuilder().width(700).height(520)
                .title("Density of states of each layer").xAxisTitle("E = -ln p(s)  [nats]").yAxisTitle("ln N(E)")
                .build();
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> verdicts = new ArrayList<>();
        private final Map<String, Double> scalars = new LinkedHashMap<>();

        void add(LayerRecord l, Spectrum s) {
            rows.add(List.of(l.index(), l.states().cols(), s.slope(), s.centres()[0],
                    s.centres()[s.centres().length - 1]));
            scalars.put("layer" + l.index() + "/slope", s.slope());
            verdicts.add(verdict(l.index(), s.slope()));
            XYSeries p = chart.addSeries("layer " + l.index(), s.centres(), s.logCounts());
            p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            p.setMarker(SeriesMarkers.CIRCLE);
        }

        AnalysisResult result(Path artifacts) {
            Table table = new Table("energy spectrum of each layer", List.of("layer", "units", "slope at low E",
                    "lowest E", "highest E"), rows);
            return new AnalysisResult(List.of(table), scalars, verdicts,
                    rows.isEmpty() ? List.of() : Figures.save(chart, artifacts, "energy-spectrum"));
        }
    }

    private static String verdict(int layer, double slope) {
        if (Double.isNaN(slope)) {
            return "layer " + layer + ": the density of states is largest at the lowest energies, so it has no "
                    + "rising side to fit (for an HFM: g < 0, the levels with more features are the more probable)";
        }
        return String.format(Locale.ROOT, "layer %d: at the low-energy edge ln N(E) grows with slope %.3f (%s 1: %s)",
                layer, slope, slope > 1 ? "above" : "below", slope > 1
                        ? "the probability spreads over many improbable states"
                        : "the probability condenses on the few most probable states");
    }

    private static Optional<double[]> energies(LayerRecord l, int maxUnits) {
        int units = l.states().cols();
        if (units > maxUnits) {
            return Optional.empty();
        }
        if (l.hfmG().isPresent()) {
            HfmPrior prior = new HfmPrior(units, l.hfmG().get());
            double[] e = new double[1 << units];
            for (int s = 0; s < e.length; s++) {
                e[s] = -prior.logProbability(s);
            }
            return Optional.of(e);
        }
        return l.rbm().map(RbmMarginal::energies);
    }
}
