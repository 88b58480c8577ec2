package org.milab.kit.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay (AdamW; Loshchilov and Hutter 2019), betas 0.9 and 0.999, epsilon 1e-8, through the
 * engine's fused update, which also clears the gradients. The moments live in the model's manager and are freed with
 * it, so many training runs in one process (seeds, sweeps) do not accumulate native memory (DJL's own optimiser
 * detaches its moments from every manager). With {@code weightDecay = 0} it is plain Adam (Kingma and Ba 2015).
 */
public final class AdamW {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final List<NDArray> weights;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float learningRate;
    private final float weightDecay;
    private int t;

    /** For {@code weights}; the moments are allocated in {@code model}. */
    public AdamW(List<NDArray> weights, double learningRate, double weightDecay, NDManager model) {
        this.weights = List.copyOf(weights);
        this.learningRate = (float) learningRate;
        this.weightDecay = (float) weightDecay;
        for (NDArray w : weights) {
            means.add(model.zeros(w.getShape(), w.getDataType()));
            variances.add(model.zeros(w.getShape(), w.getDataType()));
        }
    }

    /** One update from the current gradients; their wrappers are attached to {@code step} and freed with it. */
    public void update(NDManager step) {
        t++;
        float corrected = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray g = w.getGradient();
            g.attach(step);
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), variances.get(i)), new NDList(w),
                    learningRate, corrected, weightDecay, 1f, -1f, BETA1, BETA2, EPSILON, false, true);
        }
    }
}
