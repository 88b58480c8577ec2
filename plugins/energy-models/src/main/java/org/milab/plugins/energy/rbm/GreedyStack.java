package org.milab.plugins.energy.rbm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.milab.api.RunContext;
import org.milab.api.data.Samples;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.plugins.energy.LayerRecord;
import org.milab.plugins.energy.TrainingData;

/**
 * Greedy layer-wise training of a stack of RBMs (Hinton, Osindero and Teh 2006), shared by the {@code rbm} (one
 * layer) and {@code dbn} strategies: layer k is trained by CD on p(h | v) of layer k−1 (the data for k = 1). Metrics
 * per layer and epoch: {@code layer<k>/reconstruction-error}; result metrics: each layer's error before and after
 * training. Cost: epochs x rows x Σ_k V_k H_k x (2 + 2 cd-steps).
 */
final class GreedyStack {

    static final Parameter<Integer> EPOCHS = Parameter.integer("epochs").defaultValue(20).range(1, 100_000)
            .description("CD passes over the data per layer").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(0.05).range(1e-6, 10)
            .description("CD step size").build();
    static final Parameter<Integer> BATCH = Parameter.integer("batch-size").defaultValue(20).min(1)
            .description("rows per CD update").build();
    static final Parameter<Integer> STEPS = Parameter.integer("cd-steps").defaultValue(1).range(1, 1000)
            .description("Gibbs steps k of CD-k").build();

    private GreedyStack() {
    }

    static TrainingResult train(TrainingData data, List<Integer> sizes, RunContext ctx) {
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        LayerFit fit = new LayerFit(new ContrastiveDivergence(ctx.param(STEPS), ctx.param(LEARNING_RATE),
                ctx.param(BATCH)), ctx, data.rows(), ctx.param(EPOCHS), sizes.size());
        Map<String, Samples> reps = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double[] input = data.values();
        int visible = data.cols();
        for (int k = 1; k <= sizes.size(); k++) {
            Rbm m = Rbm.random(visible, sizes.get(k - 1), rng.split());
            fit.train(k, m, input, rng.split(), metrics);
            input = HiddenStates.probabilities(m, input, data.rows());
            LayerRecord.putRbm(reps, k, HiddenStates.mostLikely(input, data.rows(), m.hidden()), m);
            visible = m.hidden();
        }
        return new TrainingResult(Map.of(), metrics, reps);
    }

    /**
     * How each layer of the stack is trained.
     *
     * @param cd     the CD-k trainer
     * @param ctx    cancellation, metrics and progress
     * @param rows   rows of the data
     * @param epochs epochs per layer
     * @param layers layers in the stack
     */
    private record LayerFit(ContrastiveDivergence cd, RunContext ctx, int rows, int epochs, int layers) {

        /** Trains layer {@code k}, {@code m}, on {@code input}, recording its reconstruction error before, during, after. */
        void train(int k, Rbm m, double[] input, SplittableRandom rng, Map<String, Double> metrics) {
            String name = "layer" + k + "/reconstruction-error";
            metrics.put(name + "-initial", ContrastiveDivergence.reconstructionError(m, input, rows));
            cd.train(m, input, rows, epochs, rng, epoch -> {
                ctx.checkCancelled();
                ctx.metric(name, epoch, ContrastiveDivergence.reconstructionError(m, input, rows));
                ctx.progress((long) (k - 1) * epochs + epoch, (long) layers * epochs);
            });
            metrics.put(name + "-final", ContrastiveDivergence.reconstructionError(m, input, rows));
        }
    }
}
