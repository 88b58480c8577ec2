package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** The multilayer perceptrons the critics are made of. */
final class Mlp {

    private Mlp() {
    }

    /**
     * Dense layers of the {@code hidden} sizes, each followed by {@code activation}, then a linear output layer of
     * {@code out} units (none when {@code out == 0}; with neither, the identity); weights {@link FanInUniform}, biases zero.
     */
    static SequentialBlock of(List<Integer> hidden, long out, Nonlinearity activation) {
        SequentialBlock mlp = new SequentialBlock();
        for (int units : hidden) {
            mlp.add(Linear.builder().setUnits(units).build());
            mlp.addSingleton(activation::apply);
        }
        if (out > 0) {
            mlp.add(Linear.builder().setUnits(out).build());
        }
        if (mlp.getChildren().isEmpty()) {
            mlp.add(Mlp::identity);
        }
        initialiseWeights(mlp);
        return mlp;
    }

    private static NDList identity(NDList input) {
        return input;
    }

    /** Gives every weight of {@code block} the {@link FanInUniform} initialiser. */
    static void initialiseWeights(Block block) {
        block.setInitializer(new FanInUniform(), Parameter.Type.WEIGHT);
    }
}
