package org.milab.plugins.classic.discrete;

import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.milab.plugins.classic.common.DataChecks;
import org.milab.plugins.classic.common.Symbols;
import org.pf4j.Extension;

/**
 * Mutual information of continuous data by binning every column, then the plug-in estimator on the binned rows
 * (Miller–Madow corrected by default).
 *
 * <p>Each column c is cut into D<sub>c</sub> bins (given, or by the Freedman–Diaconis, Birgé–Rozenholc or Sturges
 * rule), of equal width or of equal frequency (the entropy-maximising adaptive binning of Chelombiev et al.); a row
 * becomes the tuple of its bins. For equal-frequency bins the rule sees the ranks, the scale on which those bins
 * are equal (Freedman–Diaconis then gives about n<sup>1/3</sup> bins, whatever the tails); Birgé–Rozenholc, a rule
 * for equal-width histograms, is refused there. Then, with p̂ the frequencies of the binned rows,
 * <pre>
 *   Î = Ĥ(X<sub>b</sub>) + Ĥ(Y<sub>b</sub>) − Ĥ(X<sub>b</sub>, Y<sub>b</sub>),   Ĥ = −Σ p̂ log p̂ [+ (m − 1)/(2n)]
 * </pre>
 * in nats.
 *
 * <p>Assumptions and bias: Î estimates the MI of the binned variables, which is at most I(X;Y) (data processing)
 * and approaches it as bins shrink, while the finite-sample bias grows with the number of occupied cells (upwards,
 * about (m<sub>XY</sub> − m<sub>X</sub> − m<sub>Y</sub> + 1)/(2n) uncorrected). Results depend strongly on the
 * bin count; compare settings, not single numbers. Uncorrected, Î ≥ 0. When the rows fill the joint cells thinly
 * (fewer than 5 per occupied cell on average: several columns, or many bins) the estimate is mostly bias and carries
 * a warning saying so.
 *
 * <p>Cost: O(n log n) per column for sorting and coding; Birgé–Rozenholc adds O(D<sub>max</sub>² log n) with
 * D<sub>max</sub> ≤ 1000. Memory O(n).
 *
 * <p>References: D. Freedman, P. Diaconis, On the histogram as a density estimator (1981); L. Birgé, Y. Rozenholc,
 * How many bins should be put in a regular histogram (2006); I. Chelombiev, C. Houghton, C. O'Donnell, Adaptive
 * estimators show information compression in deep neural networks (ICLR 2019).
 */
@Extension
@Citation(authors = "Freedman, D., Diaconis, P.", year = 1981, title = "On the histogram as a density estimator: L2 theory",
        venue = "Zeitschrift für Wahrscheinlichkeitstheorie und verwandte Gebiete 57, 453-476",
        doi = "10.1007/BF01025868")
@Citation(authors = "Birgé, L., Rozenholc, Y.", year = 2006, title = "How many bins should be put in a regular histogram",
        venue = "ESAIM: Probability and Statistics 10, 24-45", doi = "10.1051/ps:2006001")
@Citation(authors = "Chelombiev, I., Houghton, C., O'Donnell, C.", year = 2019,
        title = "Adaptive estimators show information compression in deep neural networks",
        venue = "International Conference on Learning Representations", arxiv = "1902.09037")
public final class BinnedPlugIn implements Estimator {

    static final Parameter<Binning> BINNING = Parameter.choice("binning", Binning.class)
            .defaultValue(Binning.EQUAL_WIDTH).description("how each column is cut into bins").build();

    static final Parameter<Integer> BINS = Parameter.integer("bins").defaultValue(0).range(0, 1_000_000)
            .description("bins per column; 0 = chosen per column by 'rule'").build();

    static final Parameter<BinRule> RULE = Parameter.choice("rule", BinRule.class)
            .defaultValue(BinRule.FREEDMAN_DIACONIS).description("rule for the bin count when bins = 0").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("binned",
            "Plug-in MI after equal-width or equal-frequency binning of every column.",
            BINNING, BINS, RULE, DiscretePlugIn.CORRECTION);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePairedFinite(x, y, 2, "two samples to bin");
        int[] binsUsed = new int[2];
        Symbols sx = bin(x, ctx, binsUsed, 0);
        Symbols sy = bin(y, ctx, binsUsed, 1);
        return PlugIn.estimate(sx, sy, ctx.param(DiscretePlugIn.CORRECTION), x.cols() + y.cols())
                .withDiagnostic("bins-x-first-column", binsUsed[0]).withDiagnostic("bins-y-first-column", binsUsed[1]);
    }

    private static Symbols bin(Samples s, RunContext ctx, int[] binsUsed, int slot) {
        Binning binning = ctx.param(BINNING);
        requireRuleFitsBinning(binning, ctx);
        Symbols acc = null;
        for (int c = 0; c < s.cols(); c++) {
            double[] column = s.column(c);
            double[] sorted = Discretiser.sorted(column);
            int bins = binsFor(sorted, binning, ctx);
            if (c == 0) {
                binsUsed[slot] = bins;
            }
            Symbols one = Symbols.column(Discretiser.assign(column, sorted, bins, binning));
            acc = acc == null ? one : acc.pairedWith(one);
        }
        return acc;
    }

    private static void requireRuleFitsBinning(Binning binning, RunContext ctx) {
        if (binning == Binning.EQUAL_FREQUENCY && ctx.param(BINS) == 0 && ctx.param(RULE) == BinRule.BIRGE_ROZENHOLC) {
            throw new ConfigurationException("parameter 'rule'", "birge-rozenholc chooses the bins of an equal-width "
                    + "histogram and gives 1 bin on the ranks that equal-frequency bins are equal on; with binning = "
                    + "equal-frequency use rule = freedman-diaconis or sturges, or set bins");
        }
    }

    /** The fixed number of bins, else what the rule gives the sorted column (its ranks for equal-frequency bins). */
    private static int binsFor(double[] sorted, Binning binning, RunContext ctx) {
        return ctx.param(BINS) > 0 ? ctx.param(BINS)
                : Discretiser.bins(binning == Binning.EQUAL_FREQUENCY ? Discretiser.ranks(sorted) : sorted,
                        ctx.param(RULE));
    }
}
