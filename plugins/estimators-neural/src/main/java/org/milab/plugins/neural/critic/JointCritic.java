package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ConfigurationException;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.pf4j.Extension;

/**
 * The joint (concatenated) critic {@code f(x, y) = MLP([x, y])}, evaluated on all n^2 pairs of a batch.
 *
 * <p>The first layer is split, {@code W [x; y] + b = W_x x + W_y y + b}, so it costs two passes over n rows and a
 * broadcast sum instead of a pass over n^2 concatenated rows; the later layers see all n^2 pairs. The most
 * expressive of the built-in critics, and the slowest.
 *
 * <p>Cost per batch: {@code O(n d h + n^2 h^2)} time and {@code O(n^2 h)} memory for activations.
 */
@Extension
@Citation(authors = "Poole, B., Ozair, S., van den Oord, A., Alemi, A. A., Tucker, G.", year = 2019,
        title = "On Variational Bounds of Mutual Information", venue = "ICML", arxiv = "1905.06922")
public final class JointCritic implements ModelFactory {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(256, 256))
            .min(1).description("sizes of the hidden layers (at least one)").build();
    static final Parameter<Nonlinearity> ACTIVATION = Parameter.choice("activation", Nonlinearity.class)
            .defaultValue(Nonlinearity.RELU).description("activation of the hidden layers").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("joint-critic", "Joint critic: an MLP on the concatenated pair, for all n^2 pairs.",
                HIDDEN, ACTIVATION);
    }

    @Override
    public Block build(Shape input, RunContext ctx) {
        CriticShapes.dx(input);
        List<Integer> hidden = ctx.param(HIDDEN);
        if (hidden.isEmpty()) {
            throw new ConfigurationException("parameter 'hidden'", "the joint critic needs at least one hidden layer, "
                    + "e.g. [256, 256]");
        }
        return new Joint(hidden, ctx.param(ACTIVATION));
    }

    /** The block: split first layer, then an MLP over the n x n grid of pairs. */
    static final class Joint extends PairScoreBlock {
        private final Linear fromX;
        private final Linear fromY;
        private final SequentialBlock rest;
        private final Nonlinearity activation;

        Joint(List<Integer> hidden, Nonlinearity activation) {
            this.activation = activation;
            fromX = addChildBlock("x", Linear.builder().setUnits(hidden.get(0)).build());
            fromY = addChildBlock("y", Linear.builder().setUnits(hidden.get(0)).optBias(false).build());
            rest = addChildBlock("rest", Mlp.of(hidden.subList(1, hidden.size()), 1, activation));
            Mlp.initialiseWeights(fromX);
            Mlp.initialiseWeights(fromY);
        }

        @Override
        NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training) {
            long n = x.getShape().get(0);
            long m = y.getShape().get(0);
            NDArray ax = apply(fromX, store, x, training).expandDims(1);   // (n, 1, h)
            NDArray ay = apply(fromY, store, y, training).expandDims(0);   // (1, m, h)
            NDArray hidden = activation.apply(ax.add(ay));                 // (n, m, h)
            return apply(rest, store, hidden, training).reshape(n, m);
        }

        DenseLayout layout() {
            return new DenseLayout.Joint(DenseLayout.layer(fromX), DenseLayout.layer(fromY), DenseLayout.layers(rest),
                    activation);
        }

        @Override
        void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y) {
            fromX.initialize(manager, dataType, x);
            fromY.initialize(manager, dataType, y);
            Shape first = fromX.getOutputShapes(new Shape[] {x})[0];
            rest.initialize(manager, dataType, new Shape(x.get(0), y.get(0), first.get(1)));
        }
    }
}
