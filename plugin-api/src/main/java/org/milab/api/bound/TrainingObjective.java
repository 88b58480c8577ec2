package org.milab.api.bound;

import ai.djl.ndarray.NDArray;

/**
 * The quantity a trainer maximises for one training run of a bound. It may keep state across steps (MINE's
 * moving average), which is why a fresh one is made per run by {@link MiBound#newObjective()}.
 */
@FunctionalInterface
public interface TrainingObjective {

    /** The scalar to maximise for this batch's {@code n x n} score matrix (positives on the diagonal). */
    NDArray objective(NDArray scores);
}
