package org.milab.plugins.neural.critic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Weights uniform on {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]}, the default of common deep-learning libraries for
 * dense layers, so that training traces are comparable with published ones.
 */
final class FanInUniform implements Initializer {

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanIn = shape.dimension() > 1 ? shape.size() / shape.get(0) : shape.size();
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}
