package org.milab.plugins.kd;

import ai.djl.nn.Block;
import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
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
        return Settings.info("supervised", "Trains one model on one view with cross-entropy or squared error.",
                INPUT, TARGET, TASK, MODEL);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Prepared.port("the input and target views"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs, ctx.param(TASK), ctx);
        Rows x = data.view(ctx.param(INPUT));
        Settings s = Settings.of(ctx);
        Block block = Components.model(ctx, ctx.param(MODEL), s.batch(), x.cols(),
                data.target().outputs());
        Session session = Session.of(ctx, s, data.split(), 1);
        Fit.Data rows = new Fit.Data(x, data.target(), data.split(), ctx.param(Settings.LABELLED));
        return Fit.train("model", block, rows, 1.0, null, session, ctx.seed()).result(block, rows, data, ctx);
    }
}
