package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import java.util.Optional;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.InvalidDataException;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;
import org.milab.api.train.DistillationLoss;
import org.milab.api.train.Outputs;
import org.pf4j.Extension;

/**
 * Variational information distillation: maximises a variational lower bound on I(teacher feature; student feature)
 * by fitting a Gaussian q(t | s) = N(mu(s), diag sigma^2) with a learned mean network and a learned,
 * input-independent variance per dimension.
 *
 * <p>L = mean_i (1/d_t) sum_d [ 1/2 log sigma_d^2 + (t_id - mu_d(s_i))^2 / (2 sigma_d^2) ], with
 * sigma_d^2 = softplus(alpha_d) + {@code min-variance}: the negative log-likelihood of the teacher's feature under
 * q, up to a constant, so that I(t; s) >= H(t) - d_t L - (d_t / 2) log 2 pi. The paper sums over dimensions; the
 * average keeps the weight's scale independent of d_t. The head (see {@link VidHead}) is trained with the student.
 * Cost O(batch x d_t x (d_s + d_t)).
 */
@Extension
@Citation(authors = "Ahn, S., Hu, S. X., Damianou, A., Lawrence, N. D., Dai, Z.", year = 2019,
        title = "Variational Information Distillation for Knowledge Transfer", venue = "CVPR", arxiv = "1904.05835")
public final class Vid implements DistillationLoss {

    static final Parameter<Double> MIN_VARIANCE = Parameter.real("min-variance").defaultValue(1e-3).range(1e-8, 10)
            .description("variance floor added to softplus(alpha), keeping the likelihood bounded").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("vid", "Variational information distillation: Gaussian likelihood of the teacher "
                + "feature given the student's (Ahn et al. 2019).", MIN_VARIANCE);
    }

    @Override
    public Optional<Block> head(Shape studentFeature, Shape teacherFeature, RunContext ctx) {
        return Optional.of(new VidHead(teacherFeature.get(1)));
    }

    @Override
    public NDArray loss(Outputs teacher, Outputs student, RunContext ctx) {
        NDArray t = Distilled.feature(teacher, "teacher", "vid");
        NDArray h = Distilled.feature(student, "student", "vid");
        long dt = t.getShape().get(1);
        if (!h.getShape().equals(new Shape(t.getShape().get(0), 2 * dt))) {
            throw new InvalidDataException("vid: the student's head output has shape " + h.getShape() + ", expected "
                    + "(batch, " + 2 * dt + ") = [mean, variance parameter] for a teacher feature of width " + dt);
        }
        NDArray mu = h.get(new NDIndex(":, :{}", dt));
        NDArray variance = Activation.softPlus(h.get(new NDIndex(":, {}:", dt)))
                .add(ctx.param(MIN_VARIANCE).floatValue());
        return variance.log().add(t.sub(mu).square().div(variance)).mean().mul(0.5f);
    }
}
