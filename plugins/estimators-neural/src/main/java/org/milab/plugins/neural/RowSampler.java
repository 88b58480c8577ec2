package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Minibatches drawn uniformly with replacement from the rows of a training set held on the engine side; the row
 * indices are drawn there too, so a step copies nothing between the JVM and the engine.
 */
final class RowSampler implements BatchSource {

    private final NDArray x;
    private final NDArray y;
    private final int batch;

    RowSampler(NDArray x, NDArray y, int batch) {
        this.x = x;
        this.y = y;
        this.batch = batch;
    }

    @Override
    public NDList next(NDManager stepManager, long step) {
        NDArray rows = stepManager.randomInteger(0, x.getShape().get(0), new Shape(batch), DataType.INT64);
        NDArray bx = x.get(rows);
        NDArray by = y.get(rows);
        bx.attach(stepManager);
        by.attach(stepManager);
        return new NDList(bx, by);
    }
}
