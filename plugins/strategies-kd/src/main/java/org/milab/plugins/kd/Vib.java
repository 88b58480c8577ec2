package org.milab.plugins.kd;

import ai.djl.nn.Block;
import java.util.Map;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The deep variational information bottleneck: a stochastic encoder p(z|x) = N(mu(x), diag sigma(x)^2) of width K,
 * a decoder q(y|z), trained on CE + beta KL(p(z|x) || N(0, I)).
 *
 * <p>Objective per batch: (1/|B|) sum_i [-ln q(y_i | z_i) + beta KL(p(z|x_i) || r(z))] with z_i = mu(x_i) +
 * sigma(x_i) eps_i (one reparameterised sample per row and step) and r = N(0, I): a variational upper bound on
 * -I(Z;Y) + beta I(Z;X) (up to the constant H(Y)). The KL averaged over the data bounds I(Z;X) from above; it is
 * reported per epoch as {@code model/kl} (nats). beta = 0 is plain training of a network with noisy hidden units;
 * predictions use z = mu (the paper averages the decoder over samples of z; the mean is its cheap approximation).
 * The kernel is {@link Bottleneck}; the loop is {@link BottleneckFit}.
 *
 * <p>Cost: the encoder's and decoder's passes; O(K) per row more.
 */
@Extension
@Citation(authors = "Alemi, A. A., Fischer, I., Dillon, J. V., Murphy, K.", year = 2017,
        title = "Deep Variational Information Bottleneck", venue = "ICLR", arxiv = "1612.00410")
public final class Vib extends AbstractBottleneckStrategy {

    static final Parameter<ComponentSpec> ENCODER = Parameter.component("encoder", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[64])"))
            .description("the encoder; its outputs (2 x bottleneck) are the mean and scale of z").build();
    static final Parameter<ComponentSpec> DECODER = Parameter.component("decoder", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp(hidden=[])"))
            .description("the decoder q(y|z) from z to the logits; mlp(hidden=[]) is the paper's softmax layer")
            .build();
    static final Parameter<Integer> WIDTH = Parameter.integer("bottleneck").defaultValue(8).min(1)
            .description("K, the dimension of z").build();
    static final Parameter<Double> BETA = Parameter.real("beta").defaultValue(1e-3).min(0)
            .description("weight of the KL term (the I(Z;X) bound), nats per nat of cross-entropy").build();

    @Override
    public ExtensionInfo info() {
        return Settings.info("vib", "Variational information bottleneck: stochastic encoder, decoder, CE + beta "
                        + "KL to a standard normal prior.", Supervised.INPUT, Supervised.TARGET, ENCODER, DECODER,
                WIDTH, BETA);
    }

    @Override
    Bottleneck bottleneck(Prepared data, Rows x, RunContext ctx) {
        int batch = ctx.param(Settings.BATCH);
        int k = ctx.param(WIDTH);
        Block encoder = Components.model(ctx, ctx.param(ENCODER), batch, x.cols(), 2 * k);
        Block decoder = Components.model(ctx, ctx.param(DECODER), batch, k, Map.of("outputs",
                data.target().outputs()));
        return new Bottleneck(encoder, decoder, k);
    }

    @Override
    double weight(RunContext ctx) {
        return ctx.param(BETA);
    }
}
