package org.milab.plugins.classic.discrete;

import org.milab.api.Citation;
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
 * Plug-in (maximum-likelihood) mutual information of discrete data, with the Miller–Madow correction by default.
 * Each distinct row of X (of Y) is one symbol: labels, codes, or activations already binned.
 *
 * <p>With p̂ the empirical frequencies and m<sub>X</sub>, m<sub>Y</sub>, m<sub>XY</sub> the numbers of occupied
 * cells,
 * <pre>
 *   Ĥ(X) = −Σ p̂(x) log p̂(x) + (m<sub>X</sub> − 1)/(2n)          (Miller–Madow; the second term is optional)
 *   Î = Ĥ(X) + Ĥ(Y) − Ĥ(X, Y)
 * </pre>
 * in nats; uncorrected, Î = Σ p̂(x, y) log[p̂(x, y) / (p̂(x) p̂(y))].
 *
 * <p>Assumptions and bias: a discrete distribution. The plug-in MI is biased upwards by about (m<sub>XY</sub> −
 * m<sub>X</sub> − m<sub>Y</sub> + 1)/(2n) for independent variables; Miller–Madow removes that first-order term,
 * and is good while n is large against the number of cells (undersampled alphabets need other estimators).
 * Uncorrected, Î ≥ 0.
 *
 * <p>Cost: symbol coding by sorting, O(n log n · (d<sub>x</sub> + d<sub>y</sub>)) time, O(n) memory.
 *
 * <p>References: G. A. Miller, Note on the bias of information estimates (1955); L. Paninski, Estimation of entropy
 * and mutual information, Neural Computation 15 (2003).
 */
@Extension
@Citation(authors = "Miller, G. A.", year = 1955, title = "Note on the bias of information estimates",
        venue = "Information Theory in Psychology: Problems and Methods, Free Press, 95-100")
@Citation(authors = "Paninski, L.", year = 2003, title = "Estimation of entropy and mutual information",
        venue = "Neural Computation 15(6), 1191-1253", doi = "10.1162/089976603321780272")
public final class DiscretePlugIn implements Estimator {

    static final Parameter<Correction> CORRECTION = Parameter.choice("correction", Correction.class)
            .defaultValue(Correction.MILLER_MADOW).description("bias correction of each entropy term").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("discrete",
            "Plug-in MI of discrete data (each distinct row a symbol), Miller-Madow corrected by default.",
            CORRECTION);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        DataChecks.requirePairedFinite(x, y, 1, "at least one sample");
        Symbols sx = Symbols.of(x);
        Symbols sy = Symbols.of(y);
        return PlugIn.estimate(sx, sy, ctx.param(CORRECTION), x.cols() + y.cols())
                .withDiagnostic("symbols-x", sx.cardinality()).withDiagnostic("symbols-y", sy.cardinality());
    }
}
