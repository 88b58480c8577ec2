package org.milab.plugins.kd;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The mutual-information regularisation defence MID against model inversion: training on CE + lambda I(X; Yhat),
 * with I(X; Yhat) bounded variationally by placing the stochastic bottleneck on the prediction itself.
 *
 * <p>The same kernel as {@link Vib} ({@link Bottleneck}, {@link BottleneckFit}) with a different placement: z is
 * the vector of logits (K = number of classes), p(yhat|x) = N(mu(x), diag sigma(x)^2), and the decoder is the
 * identity, so the KL term KL(p(yhat|x) || N(0, I)) bounds I(X; Yhat), the information the model's output reveals
 * about its input, which is what a model-inversion attacker exploits. Objective per batch: mean CE(z, y) +
 * lambda mean KL; reported per epoch as {@code model/kl}. Predictions use the mean logits. Known difference: Wang et
 * al. realise the bound with a VIB layer before a linear classifier in their experiments (which is {@code vib} with
 * that decoder); this class is the placement their objective states, with nothing between the bound and the output.
 *
 * <p>Cost: the encoder's passes; O(classes) per row more.
 */
@Extension
@Citation(authors = "Wang, T., Zhang, Y., Jia, R.", year = 2021,
        title = "Improving Robustness to Model Inversion Attacks via Mutual Information Regularization",
        venue = "AAAI", arxiv = "2009.05241")
public final class Mid extends AbstractBottleneckStrategy {

    static final Parameter<ComponentSpec> ENCODER = Parameter.component("encoder", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[64])"))
            .description("the model; its outputs (2 x classes) are the mean and scale of the stochastic logits")
            .build();
    static final Parameter<Double> LAMBDA = Parameter.real("lambda").defaultValue(1e-2).min(0)
            .description("weight of the I(X; Yhat) bound, nats per nat of cross-entropy").build();

    @Override
    public ExtensionInfo info() {
        return Settings.info("mid", "MI regularisation defence: CE + lambda times a variational bound on the "
                        + "information the logits carry about the input.", Supervised.INPUT, Supervised.TARGET,
                ENCODER, LAMBDA);
    }

    @Override
    Bottleneck bottleneck(Prepared data, Rows x, RunContext ctx) {
        int classes = data.target().outputs();
        Block encoder = Components.model(ctx, ctx.param(ENCODER), ctx.param(Settings.BATCH), x.cols(), 2 * classes);
        Block identity = new LambdaBlock(z -> new NDList(z.singletonOrThrow()));
        return new Bottleneck(encoder, identity, classes);
    }

    @Override
    double weight(RunContext ctx) {
        return ctx.param(LAMBDA);
    }
}
