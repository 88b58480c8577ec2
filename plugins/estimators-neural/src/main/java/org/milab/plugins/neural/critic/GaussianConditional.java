package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * A Gaussian conditional density {@code q(y|x) = N(y; mu(x), diag exp(v(x)))}, a log-density critic for CLUB:
 * {@code scores[i][j] = log q(y_j | x_i)}.
 *
 * <p>mu and v are MLPs of x; v passes through tanh, bounding the variances to {@code [e^-1, e]} as in the
 * reference CLUB networks, which keeps early training stable (rescale y when its scale is far from 1).
 * {@code log q(y_j|x_i) = -1/2 sum_d [(y_jd - mu_id)^2 e^{-v_id} + v_id + log 2 pi]} is expanded into three
 * matrix products, so a batch costs {@code O(n^2 d)} without an {@code n x n x d} tensor.
 */
@Extension
@Citation(authors = "Cheng, P., Hao, W., Dai, S., Liu, J., Gan, Z., Carin, L.", year = 2020,
        title = "CLUB: A Contrastive Log-ratio Upper Bound of Mutual Information", venue = "ICML",
        arxiv = "2006.12013")
public final class GaussianConditional implements ModelFactory {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(256, 256))
            .min(1).description("hidden layer sizes of the mean and log-variance networks").build();
    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the hidden layers").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("gaussian-conditional",
                "Gaussian conditional density q(y|x) with MLP mean and log-variance (a log-density critic for CLUB).",
                HIDDEN, ACTIVATION);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        long dy = CriticShapes.dy(input);
        return new Conditional(ctx.param(HIDDEN), dy, ctx.param(ACTIVATION));
    }

    /** The block: mean and log-variance networks and the n x n log-density matrix. */
    static final class Conditional extends PairScoreBlock {
        private final Block mean;
        private final Block logVariance;

        Conditional(List<Integer> hidden, long dy, Nonlinearity activation) {
            mean = addChildBlock("mean", Mlp.of(hidden, dy, activation));
            logVariance = addChildBlock("log-variance", Mlp.of(hidden, dy, activation));
        }

        @Override
        NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training) {
            NDArray mu = apply(mean, store, x, training);                              // (n, d)
            NDArray v = apply(logVariance, store, x, training).tanh();                // (n, d)
            NDArray precision = v.neg().exp();
            long d = y.getShape().get(1);
            // sum_d p_id (y_jd^2 - 2 y_jd mu_id + mu_id^2) + v_id
            NDArray quadratic = precision.matMul(y.square().transpose())
                    .sub(mu.mul(precision).matMul(y.transpose()).mul(2f));
            NDArray perRow = mu.square().mul(precision).add(v).sum(new int[] {1}, true);
            return quadratic.add(perRow).add((float) (d * Math.log(2 * Math.PI))).mul(-0.5f);
        }

        @Override
        void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y) {
            mean.initialize(manager, dataType, x);
            logVariance.initialize(manager, dataType, x);
        }
    }
}
