package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.Optional;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;
import org.pf4j.Extension;

/**
 * Contrastive representation distillation in its InfoNCE form: the student's embedding of a sample must pick out
 * the teacher's feature of the same sample among the teacher's features of the rest of the batch.
 *
 * <p>With u_i = g(s_i) / ||g(s_i)|| (g a learned linear embedding into the teacher's feature space) and v_j = t_j /
 * ||t_j||, L = -mean_i log( exp(u_i.v_i / tau) / sum_j exp(u_i.v_j / tau) ), so log(batch) - L is a lower bound on
 * I(teacher feature; student feature) (van den Oord et al. 2018) that distillation maximises. Differences from the
 * paper: negatives are the other rows of the batch rather than a memory bank of 16384 samples, so the bound is capped
 * at log(batch-size); and the teacher's side is not re-embedded (the teacher is frozen, its normalised feature is the
 * embedding). Cost O(batch^2 x d_t).
 */
@Extension
@Citation(authors = "Tian, Y., Krishnan, D., Isola, P.", year = 2020, title = "Contrastive Representation "
        + "Distillation", venue = "ICLR", arxiv = "1910.10699")
public final class Crd implements DistillationLoss {

    static final Parameter<Double> TEMPERATURE = Parameter.real("temperature").defaultValue(0.1).range(1e-3, 100)
            .description("temperature tau of the similarity scores").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("crd", "Contrastive representation distillation: InfoNCE between student embeddings "
                + "and teacher features, in-batch negatives.", TEMPERATURE);
    }

    @Override
    public Optional<Block> head(Shape studentFeature, Shape teacherFeature, RunContext ctx) {
        return Optional.of(Linear.builder().setUnits(teacherFeature.get(1)).build());
    }

    @Override
    public NDArray loss(Outputs teacher, Outputs student, RunContext ctx) {
        NDArray t = Distilled.feature(teacher, "teacher", "crd");
        NDArray s = Distilled.feature(student, "student", "crd");
        Distilled.sameShape(t, s, "crd", "feature (after the embedding)");
        NDArray u = s.normalize(2, 1, 1e-8);
        NDArray v = t.normalize(2, 1, 1e-8);
        NDArray scores = u.matMul(v.transpose()).div(ctx.param(TEMPERATURE).floatValue());
        long n = scores.getShape().get(0);
        NDArray eye = scores.getManager().eye((int) n);
        return scores.logSoftmax(1).mul(eye).sum().div(n).neg();
    }
}
