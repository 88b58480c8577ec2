package org.milab.plugins.infoplane.capture;

import org.milab.api.RunContext;
import org.milab.api.param.Parameter;

/**
 * The training and capture settings of {@link CapturedTraining}, read once from the validated parameters.
 *
 * @param epochs        training epochs per seed
 * @param batch         minibatch rows
 * @param learningRate  Adam step size
 * @param trainFraction fraction of the rows trained on (the rest measure test accuracy)
 * @param snapshots     log-spaced capture epochs (plus epoch 0 and the last)
 * @param seeds         networks trained, each from its own initialisation and split
 */
record CaptureSettings(int epochs, int batch, double learningRate, double trainFraction, int snapshots, int seeds) {

    static final Parameter<Integer> EPOCHS = Parameter.integer("epochs").defaultValue(400).range(1, 1_000_000)
            .description("training epochs per seed").build();
    static final Parameter<Integer> BATCH = Parameter.integer("batch-size").defaultValue(256).min(1)
            .description("minibatch rows").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(1e-3)
            .range(1e-8, 10).description("Adam step size").build();
    static final Parameter<Double> TRAIN = Parameter.real("train-fraction").defaultValue(0.85).range(0.01, 1)
            .description("fraction of the rows trained on, drawn per seed (Shwartz-Ziv and Tishby: 0.85)").build();
    static final Parameter<Integer> SNAPSHOTS = Parameter.integer("snapshots").defaultValue(40).range(1, 10_000)
            .description("log-spaced epochs at which activations are captured, besides epoch 0 and the last").build();
    static final Parameter<Integer> SEEDS = Parameter.integer("seeds").defaultValue(3).range(1, 100)
            .description("networks trained from independent initialisations and splits").build();
    static final Parameter<Integer> PROBE = Parameter.integer("probe-rows").defaultValue(0).min(0)
            .description("rows probed at each capture: the first this many, 0 for all").build();

    static CaptureSettings of(RunContext ctx) {
        return new CaptureSettings(ctx.param(EPOCHS), ctx.param(BATCH), ctx.param(LEARNING_RATE), ctx.param(TRAIN),
                ctx.param(SNAPSHOTS), ctx.param(SEEDS));
    }
}
