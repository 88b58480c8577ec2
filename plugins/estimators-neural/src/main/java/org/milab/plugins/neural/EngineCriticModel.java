package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import org.milab.kit.djl.AdamW;
import org.milab.kit.djl.FlatParameters;

/**
 * A critic block trained by the engine's autograd: any block, any device. The parameters are one flat buffer
 * ({@link FlatParameters}), so Adam is one engine call per step.
 */
final class EngineCriticModel implements CriticModel {

    private final Block critic;
    private final FlatParameters store;
    private final AdamW optimizer;

    /** For an initialised {@code critic}; the parameter buffer and Adam's moments live in {@code model}. */
    EngineCriticModel(Block critic, NDManager model, double learningRate) {
        this.critic = critic;
        this.store = new FlatParameters(critic, model);
        this.optimizer = new AdamW(List.of(store.buffer()), learningRate, 0.0, model);
    }

    @Override
    public NDArray trainingScores(NDList batch) {
        return forward(batch, true);
    }

    @Override
    public void update(NDArray scores) {
        optimizer.update(scores.getManager());
    }

    @Override
    public NDArray scores(NDList batch) {
        return forward(batch, false);
    }

    private NDArray forward(NDList batch, boolean training) {
        store.beginStep(batch.head().getManager());
        return critic.forward(store, batch, training).singletonOrThrow();
    }

    @Override
    public String description() {
        return "the engine's autograd (" + critic.getClass().getSimpleName() + ")";
    }
}
