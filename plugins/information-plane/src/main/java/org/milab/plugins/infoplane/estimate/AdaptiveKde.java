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
 * Adaptive KDE after Chelombiev, Houghton and O'Donnell (2019): the Kolchinsky–Tracey upper bound of
 * {@link KdeUpper} with a noise width that follows the layer's own scale, σ = f (max − min) over all values of
 * {@code x} (the layer) at this epoch, so that a layer whose activations grow (ReLU) or saturate (tanh) is measured
 * at the same relative resolution throughout training:
 * <pre>
 *   Î(X;T) = −(1/n) Σ_i ln (1/n) Σ_j exp(−‖h_i − h_j‖² / (2σ²)),   σ = f · range(h)
 * </pre>
 * The paper scales the kernel to the activation range; the exact constant is a parameter here ({@code width}).
 * Assumptions and bias: as {@link KdeUpper}; in addition Î is invariant to rescaling the layer. Cost: O(n² d).
 */
@Extension
@Citation(authors = "Chelombiev, I., Houghton, C., O'Donnell, C.", year = 2019,
        title = "Adaptive estimators show information compression in deep neural networks",
        venue = "International Conference on Learning Representations", arxiv = "1902.09037")
@Citation(authors = "Kolchinsky, A., Tracey, B. D.", year = 2017, title = "Estimating Mixture Entropy with Pairwise "
        + "Distances", venue = "Entropy 19(7), 361", doi = "10.3390/e19070361")
public final class AdaptiveKde implements Estimator {

    static final Parameter<Double> WIDTH = Parameter.real("width").defaultValue(0.1).range(1e-6, 10)
            .description("kernel width as a fraction f of the layer's activation range: σ = f (max - min)").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("adaptive-kde",
            "Kolchinsky-Tracey upper bound with the noise width scaled to the layer's activation range; layer in x.",
            WIDTH);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x.toRowMajor()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double sigma = ctx.param(WIDTH) * Math.max(hi - lo, 1e-12);
        return MixtureBound.estimate(x, y, sigma * sigma, MixtureBound.Divergence.KULLBACK_LEIBLER)
                .withDiagnostic("sigma", sigma);
    }
}
