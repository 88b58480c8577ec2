package org.milab.plugins.kd.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The variational head of {@link Vid}: a mean mu(s) (two dense layers of the teacher's width with a ReLU between)
 * and one free parameter alpha per teacher dimension; it returns [mu(s), alpha broadcast over the batch] side by
 * side, shape (batch, 2 d_t). Alpha starts at 0 (variance softplus(0) = ln 2).
 */
final class VidHead extends AbstractBlock {

    private final long dt;
    private final SequentialBlock mean;
    private final Parameter alpha;

    VidHead(long dt) {
        super((byte) 1);
        this.dt = dt;
        this.mean = addChildBlock("mean", new SequentialBlock().add(Linear.builder().setUnits(dt).build())
                .addSingleton(Activation::relu).add(Linear.builder().setUnits(dt).build()));
        this.alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.BIAS)
                .optShape(new Shape(dt)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray mu = mean.forward(store, inputs, training, params).singletonOrThrow();
        NDArray a = store.getValue(alpha, mu.getDevice(), training);
        return new NDList(mu.concat(mu.zerosLike().add(a), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 2 * dt)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        mean.initialize(manager, dataType, inputShapes);
    }
}
