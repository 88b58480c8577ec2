package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.bound.MiBound;
import org.pf4j.Extension;

/**
 * The Donsker-Varadhan lower bound.
 *
 * <p>{@code I_DV = mean_i f(x_i, y_i) - log mean_{i!=j} exp f(x_i, y_j)}; training maximises the same quantity.
 *
 * <p>Tight at the optimal critic, but the log of a minibatch mean is a biased estimate of the log partition
 * function, so both the value and its gradient are biased; the variance of the partition term grows like
 * {@code exp(I)} (McAllester and Stratos 2020), so at high MI the estimate is noisy.
 *
 * <p>Cost: {@code O(n^2)} per batch of n on top of the critic; no memory beyond the score matrix.
 */
@Extension
@Citation(authors = "Donsker, M. D., Varadhan, S. R. S.", year = 1983,
        title = "Asymptotic evaluation of certain Markov process expectations for large time. IV",
        venue = "Communications on Pure and Applied Mathematics", doi = "10.1002/cpa.3160360204")
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class Dv implements MiBound {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("dv", "Donsker-Varadhan lower bound: mean paired score minus log mean exp of unpaired scores.");
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.donskerVaradhan(scores, Scores.offDiagonal(scores));
    }
}
