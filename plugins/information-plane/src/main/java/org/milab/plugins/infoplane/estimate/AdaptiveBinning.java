package org.milab.plugins.infoplane.estimate;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * Entropy-based adaptive binning (EBAB) of Chelombiev, Houghton and O'Donnell (2019): as {@link LayerBinning}, but
 * the shared grid has equal mass instead of equal width (edge k at the k/bins quantile of the input's pooled values),
 * which maximises the entropy of the binned marginal and adapts to activations that crowd near saturation or zero:
 * <pre>
 *   Î(X;T) = Ĥ(X_b) + Ĥ(T_b) − Ĥ(X_b, T_b),   edges q_k = F̂⁻¹(k / bins)
 * </pre>
 * Assumptions and bias: as for any binning, Î depends on the bin count; equal mass makes it insensitive to a few
 * outlying activations that would stretch an equal-width grid. Tied values (ReLU zeros) keep one bin of their own.
 * Cost: O(n d log(n d)); memory O(n d).
 */
@Extension
@Citation(authors = "Chelombiev, I., Houghton, C., O'Donnell, C.", year = 2019,
        title = "Adaptive estimators show information compression in deep neural networks",
        venue = "International Conference on Learning Representations", arxiv = "1902.09037")
public final class AdaptiveBinning implements Estimator {

    static final Parameter<Integer> BINS = Parameter.integer("bins").defaultValue(30).range(1, 100_000)
            .description("equal-mass bins over each input's pooled values, shared by all its columns").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("ebab",
            "Plug-in MI after entropy-based adaptive (equal-mass) binning on one grid per input.", BINS);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        return GridMi.estimate(x, y, ctx.param(BINS), new EqualMassGrid());
    }
}
