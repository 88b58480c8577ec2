package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.bound.MiBound;
import org.pf4j.Extension;

/**
 * The InfoNCE (contrastive predictive coding) lower bound.
 *
 * <p>{@code I_NCE = log n + mean_i (f_ii - log sum_j exp f_ij)}: each x_i picks its own y among the n of the
 * batch. Training maximises the value.
 *
 * <p>Low variance, but it can never exceed {@code log n}: with a batch of 64 it saturates at
 * {@code log 64 = 4.16} nats however large the true MI is. Cost {@code O(n^2)} (one row-wise log-softmax).
 */
@Extension
@Citation(authors = "van den Oord, A., Li, Y., Vinyals, O.", year = 2018,
        title = "Representation Learning with Contrastive Predictive Coding", arxiv = "1807.03748")
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class InfoNce implements MiBound {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("infonce", "InfoNCE lower bound, at most log(batch size).");
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.infoNce(scores);
    }
}
