package org.milab.plugins.neural.bound;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.bound.MiBound;
import org.milab.api.bound.TrainingObjective;
import org.pf4j.Extension;

/**
 * The Jensen-Shannon estimator: the critic is trained on the JS f-GAN objective and the NWJ value is reported.
 *
 * <p>Objective: {@code -mean_i softplus(-f_ii) - mean_{i!=j} softplus(f_ij)}; its optimum is
 * {@code f* = log p(x,y)/(p(x)p(y))}, so {@code f* + 1} is the optimal NWJ critic and the value is
 * {@code I_NWJ(f + 1) = mean_i f_ii + 1 - mean_{i!=j} exp f_ij}.
 *
 * <p>Training is stable (bounded gradients), but the reported NWJ value keeps its {@code exp(I)} variance at high
 * MI. Cost {@code O(n^2)}.
 */
@Extension
@Citation(authors = "Nowozin, S., Cseke, B., Tomioka, R.", year = 2016,
        title = "f-GAN: Training Generative Neural Samplers using Variational Divergence Minimization",
        venue = "NeurIPS", arxiv = "1606.00709")
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class Js implements MiBound {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("js", "Critic trained on the Jensen-Shannon objective, reported through the NWJ bound.");
    }

    @Override
    public NDArray value(NDArray scores) {
        return Scores.tuba(scores, 0.0);
    }

    @Override
    public TrainingObjective newObjective() {
        return Scores::jensenShannon;
    }
}
