package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;
import org.pf4j.Extension;

/**
 * Logit distillation with a temperature: the student's softened class distribution is pulled towards the
 * teacher's.
 *
 * <p>L = T^2 * mean_i KL(softmax(t_i / T) || softmax(s_i / T)), with t_i, s_i the teacher's and student's logits and
 * T the temperature; the T^2 factor keeps the gradient's scale comparable to the cross-entropy's as T changes.
 * Assumes both models output logits over the same classes (classification). Cost O(batch x classes).
 */
@Extension
@Citation(authors = "Hinton, G., Vinyals, O., Dean, J.", year = 2015, title = "Distilling the Knowledge in a Neural "
        + "Network", venue = "NIPS Deep Learning Workshop", arxiv = "1503.02531")
public final class HintonKd implements DistillationLoss {

    static final Parameter<Double> TEMPERATURE = Parameter.real("temperature").defaultValue(4.0).range(1e-3, 1e3)
            .description("softmax temperature T; larger values soften both distributions").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("hinton-kd", "Logit distillation: T^2 KL between temperature-softened class "
                + "distributions (Hinton et al. 2015).", TEMPERATURE);
    }

    @Override
    public NDArray loss(Outputs teacher, Outputs student, RunContext ctx) {
        Distilled.sameShape(teacher.output(), student.output(), "hinton-kd", "output");
        float t = ctx.param(TEMPERATURE).floatValue();
        NDArray logPt = teacher.output().div(t).logSoftmax(1);
        NDArray logPs = student.output().div(t).logSoftmax(1);
        return logPt.exp().mul(logPt.sub(logPs)).sum(new int[] {1}).mean().mul(t * t);
    }
}
