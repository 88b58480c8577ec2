package org.milab.plugins.infoplane.estimate;

import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.estimate.Estimate;
import org.milab.api.estimate.Estimator;
import org.pf4j.Extension;

/**
 * The Kolchinsky–Tracey lower bound on the information of a noisy layer T = h(X) + ε, ε ~ N(0, σ² I), used by Saxe
 * et al. (2018): as {@link KdeUpper} with the Bhattacharyya distance ‖h_i − h_j‖² / (8σ²) in place of the KL
 * divergence,
 * <pre>
 *   Î(X;T) = −(1/n) Σ_i ln (1/n) Σ_j exp(−‖h_i − h_j‖² / (8σ²))  ≤  I(X;T)
 * </pre>
 * The layer goes into {@code x}; a discrete {@code y} gives Î(T;Y) per {@link MixtureBound}. When the rows are
 * far apart (many σ) both bounds reach ln n. Cost: O(n² d) time, O(n) memory.
 */
@Extension
@Citation(authors = "Kolchinsky, A., Tracey, B. D.", year = 2017, title = "Estimating Mixture Entropy with Pairwise "
        + "Distances", venue = "Entropy 19(7), 361", doi = "10.3390/e19070361")
@Citation(authors = "Saxe, A. M., Bansal, Y., Dapello, J., Advani, M., Kolchinsky, A., Tracey, B. D., Cox, D. D.",
        year = 2018, title = "On the Information Bottleneck Theory of Deep Learning", venue = "ICLR",
        doi = "10.1088/1742-5468/ab3985")
public final class KdeLower implements Estimator {

    private static final ExtensionInfo INFO = ExtensionInfo.of("kde-lower",
            "Kolchinsky-Tracey (Bhattacharyya) lower bound on the MI of a layer with added Gaussian noise; layer in x.",
            KdeUpper.NOISE);

    @Override
    public ExtensionInfo info() {
        return INFO;
    }

    @Override
    public Estimate estimate(Samples x, Samples y, RunContext ctx) {
        return MixtureBound.estimate(x, y, ctx.param(KdeUpper.NOISE), MixtureBound.Divergence.BHATTACHARYYA);
    }
}
