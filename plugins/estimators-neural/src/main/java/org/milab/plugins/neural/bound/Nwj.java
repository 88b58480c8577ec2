package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.bound.MiBound;
import org.pf4j.Extension;

/**
 * The Nguyen-Wainwright-Jordan (f-divergence, "MINE-f") lower bound.
 *
 * <p>{@code I_NWJ = mean_i f_ii - e^{-1} mean_{i!=j} exp f_ij}, i.e. TUBA with the constant baseline {@code e};
 * training maximises the value.
 *
 * <p>Unbiased minibatch estimate of a valid lower bound (no log of a mean), optimal critic
 * {@code 1 + log p(x,y)/(p(x)p(y))}, but the variance of the exponential term grows like {@code exp(I)}: at high
 * MI it is the noisiest bound (Song and Ermon 2020).
 *
 * <p>Cost: {@code O(n^2)} per batch of n on top of the critic.
 */
@Extension
@Citation(authors = "Nguyen, X., Wainwright, M. J., Jordan, M. I.", year = 2010,
        title = "Estimating divergence functionals and the likelihood ratio by convex risk minimization",
        venue = "IEEE Transactions on Information Theory", doi = "10.1109/TIT.2010.2068870")
public final class Nwj implements MiBound {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("nwj", "Nguyen-Wainwright-Jordan lower bound: mean paired score minus mean exp(score - 1).");
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.tuba(scores, 1.0);
    }
}
