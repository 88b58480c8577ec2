package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The bilinear critic {@code f(x, y) = g(x)^T W h(y)}, with optional MLP encoders g and h (identity when
 * {@code hidden} is empty, giving the classic {@code x^T W y}).
 *
 * <p>Without encoders it is exact for jointly Gaussian data (the log density ratio is a quadratic form whose
 * cross term is bilinear; the squared terms cancel in every bound that is invariant to functions of x or y alone,
 * such as InfoNCE), and cheap: {@code O(n d^2 + n^2 d)} per batch.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class BilinearCritic implements ModelFactory {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of())
            .min(1).description("hidden layer sizes of the encoders g and h; empty: no encoders").build();
    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the hidden layers").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("bilinear-critic", "Bilinear critic g(x)' W h(y), encoders optional.",
                HIDDEN, ACTIVATION);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        List<Integer> hidden = ctx.param(HIDDEN);
        long embedding = hidden.isEmpty() ? CriticShapes.dx(input) : hidden.get(hidden.size() - 1);
        return new Bilinear(hidden, embedding, ctx.param(ACTIVATION));
    }

    /** The block: encoders, then {@code g(x) (W h(y))^T}. */
    static final class Bilinear extends PairScoreBlock {
        private final Block g;
        private final Block h;
        private final Block w;

        Bilinear(List<Integer> hidden, long embedding, Nonlinearity activation) {
            List<Integer> encoder = hidden.isEmpty() ? List.of() : hidden.subList(0, hidden.size() - 1);
            g = addChildBlock("g", Mlp.of(encoder, hidden.isEmpty() ? 0 : embedding, activation));
            h = addChildBlock("h", Mlp.of(encoder, hidden.isEmpty() ? 0 : embedding, activation));
            w = addChildBlock("w", Linear.builder().setUnits(embedding).optBias(false).build());
            Mlp.initialiseWeights(w);
        }

        @Override
        NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training) {
            NDArray wy = apply(w, store, apply(h, store, y, training), training);
            return apply(g, store, x, training).matMul(wy.transpose());
        }

        @Override
        void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y) {
            g.initialize(manager, dataType, x);
            h.initialize(manager, dataType, y);
            w.initialize(manager, dataType, h.getOutputShapes(new Shape[] {y}));
        }
    }
}
