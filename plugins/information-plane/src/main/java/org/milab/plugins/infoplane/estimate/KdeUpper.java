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
 * The Kolchinsky–Tracey upper bound on the information of a noisy layer T = h(X) + ε, ε ~ N(0, σ² I), used by Saxe
 * et al. (2018): {@code x} holds the layer's rows h_i, {@code y} the variable it is compared with (the network input,
 * every row distinct, or the discrete label), and
 * <pre>
 *   Î(X;T) = −(1/n) Σ_i ln (1/n) Σ_j exp(−‖h_i − h_j‖² / (2σ²))
 * </pre>
 * bounds I(X;T) from above (the KL pairwise bound on the mixture entropy, minus H(T|X) = (d/2) ln(2πeσ²)). For a
 * discrete y the same bound applied to each class gives Î(T;Y) (see {@link MixtureBound}). The order of the inputs
 * matters: the layer goes into {@code x}.
 *
 * <p>Assumptions and bias: Î is the MI of the layer with added noise of variance σ² (a choice, not a property of the
 * network); it saturates at ln n when the rows are farther apart than a few σ. Cost: O(n² d) time, O(n) memory.
 */
@Extension
@Citation(authors = "Kolchinsky, A., Tracey, B. D.", year = 2017, title = "Estimating Mixture Entropy with Pairwise "
        + "Distances", venue = "Entropy 19(7), 361", doi = "10.3390/e19070361")
@Citation(authors = "Saxe, A. M., Bansal, Y., Dapello, J., Advani, M., Kolchinsky, A., Tracey, B. D., Cox, D. D.",
        year = 2018, title = "On the Information Bottleneck Theory of Deep Learning", venue = "ICLR",
        doi = "10.1088/1742-5468/ab3985")
public final class KdeUpper implements Estimator {

    static final Parameter<Double> NOISE = Parameter.real("noise-variance").defaultValue(0.1).min(1e-12)
            .description("variance σ² of the Gaussian noise added to every unit of the layer").build();

    private static final ExtensionInfo INFO = ExtensionInfo.of("kde-upper",
            "Kolchinsky-Tracey (KL) upper bound on the MI of a layer with added Gaussian noise; the layer goes in x.",
            NOISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        return MixtureBound.estimate(x, y, ctx.param(NOISE), MixtureBound.Divergence.KULLBACK_LEIBLER);
    }
}
