package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.LongToDoubleFunction;

/**
 * Fresh correlated Gaussian pairs every step, sampled on the engine side: {@code x ~ N(0, I_d)},
 * {@code y = rho x + sqrt(1 - rho^2) e}, so {@code I(X;Y) = -d/2 log(1 - rho^2)}. The target MI may change with
 * the step (the staircase).
 */
final class GaussianBatches implements BatchSource {

    private final int batch;
    private final int dim;
    private final LongToDoubleFunction miAtStep;

    /** Batches of {@code batch} pairs in {@code dim} dimensions with true MI {@code miAtStep(step)} nats. */
    GaussianBatches(int batch, int dim, LongToDoubleFunction miAtStep) {
        this.batch = batch;
        this.dim = dim;
        this.miAtStep = miAtStep;
    }

    /** The per-dimension correlation giving a total MI of {@code nats} in {@code dim} dimensions. */
    static double rho(double nats, int dim) {
        return Math.sqrt(1 - Math.exp(-2 * nats / dim));
    }

    @Override
    public NDList next(NDManager stepManager, long step) {
        double rho = rho(miAtStep.applyAsDouble(step), dim);
        Shape shape = new Shape(batch, dim);
        NDArray x = stepManager.randomNormal(shape);
        NDArray y = x.mul((float) rho).add(stepManager.randomNormal(0f, (float) Math.sqrt(1 - rho * rho), shape,
                DataType.FLOAT32));
        return new NDList(x, y);
    }
}
