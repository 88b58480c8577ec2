package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base of the built-in critic blocks: two inputs {@code x (n, dx)} and {@code y (n, dy)}, one output
 * {@code (n, n)}. Subclasses initialise their children from the two shapes and compute the scores.
 */
abstract class PairScoreBlock extends AbstractBlock {

    @Override
    protected final NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        return new NDList(scores(store, inputs.get(0), inputs.get(1), training));
    }

    /** The {@code (n, n)} score matrix. */
    abstract NDArray scores(ParameterStore store, NDArray x, NDArray y, boolean training);

    /** Initialises the children for inputs of shapes {@code x (n, dx)} and {@code y (n, dy)}. */
    abstract void initialiseChildren(NDManager manager, DataType dataType, Shape x, Shape y);

    @Override
    public final void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (inputShapes.length != 2) {
            throw new IllegalArgumentException("a critic takes two inputs (x, y), got " + inputShapes.length);
        }
        initialiseChildren(manager, dataType, inputShapes[0], inputShapes[1]);
    }

    @Override
    public final Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), inputs[1].get(0))};
    }

    /** The single output of {@code block} applied to {@code input}. */
    static NDArray apply(Block block, ParameterStore store, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }
}
