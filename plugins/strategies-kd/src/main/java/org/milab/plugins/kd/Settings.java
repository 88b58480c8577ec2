package org.milab.plugins.kd;

import java.util.ArrayList;
import java.util.List;
import org.milab.api.ExtensionInfo;
import org.milab.api.RunContext;
import org.milab.api.param.Parameter;

/**
 * The optimisation and data-split parameters every strategy here declares, read once.
 *
 * @param epochs       passes over the training rows
 * @param batch        rows per step
 * @param learningRate Adam step size
 * @param weightDecay  decoupled weight decay
 * @param patience     epochs without validation improvement before stopping (0: never)
 * @param maxLoss      a training loss above this (or non-finite) is divergence
 */
record Settings(int epochs, int batch, double learningRate, double weightDecay, int patience, double maxLoss) {

    static final Parameter<Integer> EPOCHS = Parameter.integer("epochs").defaultValue(30).min(1).unit("epochs")
            .description("passes over the training rows").build();
    static final Parameter<Integer> BATCH = Parameter.integer("batch-size").defaultValue(64).min(1)
            .description("rows per optimisation step").build();
    static final Parameter<Double> LEARNING_RATE = Parameter.real("learning-rate").defaultValue(1e-3).range(1e-9, 10)
            .description("Adam step size").build();
    static final Parameter<Double> WEIGHT_DECAY = Parameter.real("weight-decay").defaultValue(0.0).range(0, 1)
            .description("decoupled (AdamW) weight decay per step, relative to the learning rate").build();
    static final Parameter<Integer> PATIENCE = Parameter.integer("patience").defaultValue(0).min(0).unit("epochs")
            .description("stop after this many epochs without a lower validation loss and keep the best weights "
                    + "(0: train all epochs, keep the last weights)").build();
    static final Parameter<Double> MAX_LOSS = Parameter.real("max-loss").defaultValue(1e6).min(1e-6)
            .description("a training loss above this, or not finite, stops training as diverged").build();
    static final Parameter<Double> VALIDATION = Parameter.real("validation-fraction").defaultValue(0.1).range(0, 0.9)
            .description("fraction of rows (per class) held out for early stopping and per-epoch metrics").build();
    static final Parameter<Double> TEST = Parameter.real("test-fraction").defaultValue(0.2).range(0, 0.9)
            .description("fraction of rows (per class) held out for the final metrics and representations").build();
    static final Parameter<Integer> SPLIT_SEED = Parameter.integer("split-seed").defaultValue(0).min(0)
            .description("seed of the train/validation/test split; nodes with the same seed share the split").build();
    static final Parameter<Integer> LABELLED = Parameter.integer("labelled").defaultValue(0).min(0)
            .description("use the labels of only this many training rows for the supervised loss (0: all); "
                    + "distillation terms still use every training row").build();

    /** Every parameter above, in display order: strategies list them after their own. */
    static final List<Parameter<?>> PARAMETERS = List.of(EPOCHS, BATCH, LEARNING_RATE, WEIGHT_DECAY, PATIENCE,
            MAX_LOSS, VALIDATION, TEST, SPLIT_SEED, LABELLED);

    /** A strategy's description: its own parameters, then {@link #PARAMETERS}. */
    static ExtensionInfo info(String name, String summary, Parameter<?>... own) {
        List<Parameter<?>> all = new ArrayList<>(List.of(own));
        all.addAll(PARAMETERS);
        return new ExtensionInfo(name, summary, all);
    }

    /** These settings with another epoch count (e.g. for a pretraining stage). */
    Settings withEpochs(int count) {
        return new Settings(count, batch, learningRate, weightDecay, patience, maxLoss);
    }

    static Settings of(RunContext ctx) {
        return new Settings(ctx.param(EPOCHS), ctx.param(BATCH), ctx.param(LEARNING_RATE), ctx.param(WEIGHT_DECAY),
                ctx.param(PATIENCE), ctx.param(MAX_LOSS));
    }
}
