package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.Optional;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;
import org.pf4j.Extension;

/**
 * Hint-based feature regression: a learned linear regressor r maps the student's feature to the teacher's, and the
 * squared error between them is minimised.
 *
 * <p>L = mean_i (1/d_t) * 1/2 ||t_i - r(s_i)||^2, with t_i the teacher's (hint) feature, s_i the student's
 * (guided) feature and r(s) = W s + b trained with the student. The paper sums over dimensions; the average over the
 * d_t dimensions keeps the weight's scale independent of the feature width. The paper's regressor is convolutional
 * for convolutional hints; here features arrive flattened, so r is dense. Cost O(batch x d_s x d_t).
 */
@Extension
@Citation(authors = "Romero, A., Ballas, N., Kahou, S. E., Chassang, A., Gatta, C., Bengio, Y.", year = 2015,
        title = "FitNets: Hints for Thin Deep Nets", venue = "ICLR", arxiv = "1412.6550")
public final class FitNets implements DistillationLoss {

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("fitnets", "Feature regression through a learned linear adapter (FitNets hints).");
    }

    @Override
    public Optional<Block> head(Shape studentFeature, Shape teacherFeature, RunContext ctx) {
        return Optional.of(Linear.builder().setUnits(teacherFeature.get(1)).build());
    }

    @Override
    public NDArray loss(Outputs teacher, Outputs student, RunContext ctx) {
        NDArray t = Distilled.feature(teacher, "teacher", "fitnets");
        NDArray s = Distilled.feature(student, "student", "fitnets");
        Distilled.sameShape(t, s, "fitnets", "feature (after the regressor)");
        return t.sub(s).square().mean().mul(0.5f);
    }
}
