package org.milab.plugins.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) with betas 0.9, 0.999 and epsilon 1e-8, updating weights in place through the engine's
 * fused kernel (which also zeroes the gradients). Unlike DJL's optimiser, whose moment arrays are detached from
 * every manager, the moments live in the model's manager and are freed with it, so repeated training runs in one
 * process (bootstrap standard errors, sweeps) do not leak native memory.
 */
final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final float learningRate;
    private final List<NDArray> weights;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private int t;

    /** For {@code weights}; the moments are allocated in {@code model}. */
    Adam(List<NDArray> weights, double learningRate, NDManager model) {
        this.weights = List.copyOf(weights);
        this.learningRate = (float) learningRate;
        for (NDArray w : weights) {
            means.add(model.zeros(w.getShape(), w.getDataType()));
            variances.add(model.zeros(w.getShape(), w.getDataType()));
        }
    }

    /** One update from the current gradients; their wrappers are attached to {@code stepManager}. */
    void update(NDManager stepManager) {
        t++;
        float corrected = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray g = w.getGradient();
            g.attach(stepManager);
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), variances.get(i)), new NDList(w),
                    learningRate, corrected, 0f, 1f, -1f, BETA1, BETA2, EPSILON, true, false);
        }
    }
}
