package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The separable critic {@code f(x, y) = g(x)^T h(y)}, with g and h two MLPs into a shared embedding space.
 *
 * <p>All n^2 scores of a batch cost two MLP passes over n rows and one {@code n x n x e} product, so it is the
 * cheap critic; it can only express log density ratios of rank at most e (the embedding size).
 *
 * <p>Cost per batch: {@code O(n (d h + h^2 + h e) + n^2 e)} time, parameters {@code O(d h + h^2 + h e)} for each
 * of g and h.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class SeparableCritic implements ModelFactory {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(256, 256))
            .min(1).description("sizes of the hidden layers of each of the two encoders").build();
    static final Parameter<Integer> EMBEDDING = Parameter.integer("embedding").defaultValue(32).min(1)
            .description("dimension of the shared embedding g(x), h(y)").build();
    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the hidden layers").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("separable-critic", "Separable critic g(x).h(y) from two MLP encoders.",
                HIDDEN, EMBEDDING, ACTIVATION);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        CriticShapes.dx(input);
        return new Separable(ctx.param(HIDDEN), ctx.param(EMBEDDING), ctx.param(ACTIVATION));
    }

    /** The block: two encoders and an inner product. */
    static final class Separable extends PairScoreBlock {
        private final SequentialBlock g;
        private final SequentialBlock h;
        private final Nonlinearity activation;

        Separable(List<Integer> hidden, int embedding, Nonlinearity activation) {
            this.activation = activation;
            g = addChildBlock("g", Mlp.of(hidden, embedding, activation));
            h = addChildBlock("h", Mlp.of(hidden, embedding, activation));
        }

        @Override
        NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training) {
            return apply(g, store, x, training).matMul(apply(h, store, y, training).transpose());
        }

        DenseLayout layout() {
            return new DenseLayout.Separable(DenseLayout.layers(g), DenseLayout.layers(h), activation);
        }

        @Override
        void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y) {
            g.initialize(manager, dataType, x);
            h.initialize(manager, dataType, y);
        }
    }
}
