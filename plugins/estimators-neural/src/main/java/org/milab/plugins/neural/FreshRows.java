package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Consecutive, disjoint slices of rows generated once for the whole run: step {@code s} takes rows
 * {@code [(s - 1) batch, s batch)}, so every step sees rows no earlier step saw. The rows are held on the engine side,
 * so a step copies nothing between the JVM and the engine.
 */
final class FreshRows implements BatchSource {

    private final NDArray x;
    private final NDArray y;
    private final int batch;

    FreshRows(NDArray x, NDArray y, int batch) {
        this.x = x;
        this.y = y;
        this.batch = batch;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when step {@code step} would run past the generated rows
     */
    @Override
    public NDList next(NDManager stepManager, long step) {
        long start = (step - 1) * batch;
        long end = start + batch;
        long rows = x.getShape().get(0);
        if (step < 1 || end > rows) {
            throw new IllegalStateException("step " + step + " needs rows [" + start + ", " + end + ") but "
                    + rows + " were generated");
        }
        NDIndex slice = new NDIndex("{}:{}", start, end);
        NDArray bx = x.get(slice);
        NDArray by = y.get(slice);
        bx.attach(stepManager);
        by.attach(stepManager);
        return new NDList(bx, by);
    }
}
