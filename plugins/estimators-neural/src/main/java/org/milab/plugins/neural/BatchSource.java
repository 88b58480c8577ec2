package org.milab.plugins.neural;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Where a training step's minibatch comes from: rows of a dataset or fresh samples of a generator. */
interface BatchSource {

    /** The {@code (x, y)} batch for training step {@code step} (1-based), owned by {@code stepManager}. */
    NDList next(NDManager stepManager, long step);
}
