package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A critic being trained, as {@link CriticTrainer} drives it: the engine's autograd ({@link EngineCriticModel}) or
 * milab's fused CPU kernels ({@link FusedCriticModel}); {@link CriticBackend} picks one.
 */
interface CriticModel {

    /**
     * The scores of a training batch {@code (x, y)}, as a graph the gradient collector open around this call can
     * backpropagate through; the arrays live in the batch's manager.
     */
    NDArray trainingScores(NDList batch);

    /** One optimiser step from the gradient that the collector's backward left at {@code scores}. */
    void update(NDArray scores);

    /** The scores of an evaluation batch, without a gradient. */
    NDArray scores(NDList batch);

    /** Which backend trains the critic, in words (for the estimate's notes). */
    String description();
}
