package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.bound.CriticKind;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;
import org.pf4j.Extension;

/**
 * CLUB, the contrastive log-ratio upper bound, with a variational conditional density q(y|x).
 *
 * <p>Scores are {@code log q(y_j | x_i)} ({@link CriticKind#LOG_DENSITY}). Value:
 * {@code I_CLUB = mean_i log q(y_i|x_i) - mean_{i,j} log q(y_j|x_i)}; q is trained by maximum likelihood on the
 * pairs, {@code mean_i log q(y_i|x_i)}, not on the value.
 *
 * <p>An upper bound when q equals the true conditional, and approximately one when q is close to it in KL; a poor q
 * can fall below the truth. Its variance is low (no exponentials). Cost {@code O(n^2 d)} for a Gaussian q in d
 * dimensions.
 */
@Extension
@Citation(authors = "Cheng, P., Hao, W., Dai, S., Liu, J., Gan, Z., Carin, L.", year = 2020,
        title = "CLUB: A Contrastive Log-ratio Upper Bound of Mutual Information", venue = "ICML",
        arxiv = "2006.12013")
public final class Club implements MiBound {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("club", "CLUB upper bound from a variational conditional density q(y|x).");
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.pairedMean(scores).sub(scores.mean());
    }

    @Override
    public TrainingObjective newObjective() {
        return Scores::pairedMean;
    }

    @Override
    public CriticKind critic() {
        return CriticKind.LOG_DENSITY;
    }
}
