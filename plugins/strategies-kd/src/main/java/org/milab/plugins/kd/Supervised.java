package org.milab.plugins.kd;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.data.Samples;
import org.milab.api.param.ComponentSpec;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.pf4j.Extension;

/**
 * Supervised training of one model on one view: minibatch AdamW on the cross-entropy (classification) or half
 * squared error (regression), with early stopping on the validation loss.
 *
 * <p>Rows are split by {@code split-seed} (stratified), the view standardised with the training rows' statistics;
 * the model is any {@code ModelFactory} named in {@code model}, initialised from the node seed. Metrics per epoch:
 * {@code model/train-loss}, {@code model/validation-loss}, {@code model/validation-accuracy}. Result: the model
 * ({@code model}), {@code test-loss}, {@code test-accuracy}, {@code epochs}, and on the test rows the
 * representations {@code output}, {@code penultimate} and the target ({@code target}).
 *
 * <p>Cost: epochs x training rows forward and backward passes. The returned model's weights live in a manager of
 * their own, outside the node's scope, so later nodes can use it; they are freed when the process ends.
 */
@Extension
@Citation(authors = "Kingma, D. P., Ba, J.", year = 2015, title = "Adam: A Method for Stochastic Optimization",
        venue = "ICLR", arxiv = "1412.6980")
public final class Supervised implements TrainingStrategy {

    static final Parameter<String> INPUT = Parameter.string("input").defaultValue("x")
            .description("the view the model reads").build();
    static final Parameter<String> TARGET = Parameter.string("target").defaultValue("label")
            .description("the view holding the target (one column)").build();
    static final Parameter<Task> TASK = Parameter.choice("task", Task.class).defaultValue(Task.CLASSIFICATION)
            .description("classification (cross-entropy) or regression (squared error)").build();
    static final Parameter<ComponentSpec> MODEL = Parameter.component("model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("mlp"))
            .description("the model, with its parameters, e.g. mlp(hidden=[64, 64]) or cnn").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("supervised", "Trains one model on one view with cross-entropy or squared error.",
                INPUT, TARGET, TASK, MODEL, Settings.EPOCHS, Settings.BATCH, Settings.LEARNING_RATE,
                Settings.WEIGHT_DECAY, Settings.PATIENCE, Settings.MAX_LOSS, Settings.VALIDATION, Settings.TEST,
                Settings.SPLIT_SEED, Settings.LABELLED);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the input and target views"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs.get("dataset", Dataset.class), ctx.param(TARGET), ctx.param(TASK), ctx);
        Rows x = data.view(ctx.param(INPUT));
        Settings s = Settings.of(ctx);
        Block block = Components.model(ctx, ctx.param(MODEL), s.batch(), x.cols(),
                data.target().outputs());
        NDManager keep = ctx.runManager();
        Trainer.Progress progress = new Trainer.Progress(ctx, s.epochs() * Trainer.steps(data.split().train().length, s));
        Fit.Trained t = Fit.train("model", block, x, data.target(), data.split(), ctx.param(Settings.LABELLED), 1.0,
                null, s, ctx, progress, ctx.seed(), keep);
        Map<String, Double> metrics = new LinkedHashMap<>(t.metrics());
        metrics.put("epochs", (double) t.log().epochs());
        Map<String, Samples> reps = new LinkedHashMap<>();
        int[] test = data.split().test();
        reps.putAll(t.network().representations(x, test, "", keep));
        reps.put("target", data.testTarget(ctx.param(TARGET)));
        return new TrainingResult(Map.of("model", block), metrics, reps);
    }
}
