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
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.pf4j.Extension;

/**
 * Plain fused training of a multimodal model: the views side by side into a fusion model, cross-entropy on the fused
 * output only, as {@code supervised} trains one view (the baseline of {@code balanced-multimodal}).
 *
 * <p>Loss: mean CE(f(x_1, ..., x_M), y) over the labelled training rows; the unimodal heads a fusion model exposes
 * get no loss. Views are standardised (and noised by {@code view-noise}, seeded from {@code split-seed}, see
 * {@link Views}); the model's {@code dims} and {@code outputs} are set from the data. Result: model {@code model};
 * {@code test-accuracy}, {@code test-loss}, {@code epochs}; test-row representations {@code output},
 * {@code penultimate}, {@code target}. Cost: epochs x training rows passes.
 */
@Extension
@Citation(authors = "Ngiam, J., Khosla, A., Kim, M., Nam, J., Lee, H., Ng, A. Y.", year = 2011,
        title = "Multimodal Deep Learning", venue = "ICML")
public final class FusedSupervised implements TrainingStrategy {

    static final Parameter<ComponentSpec> MODEL = Parameter.component("model", ModelFactory.class)
            .defaultValue(ComponentSpec.parse("concat-fusion"))
            .description("the fusion model, e.g. concat-fusion(encoder=mlp(hidden=[32])) or late-fusion").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("fused-supervised", "Trains a fusion model on several views with cross-entropy on "
                        + "the fused output.", Views.VIEWS, Views.NOISE, Supervised.TARGET, MODEL, Settings.EPOCHS,
                Settings.BATCH, Settings.LEARNING_RATE, Settings.WEIGHT_DECAY, Settings.PATIENCE, Settings.MAX_LOSS,
                Settings.VALIDATION, Settings.TEST, Settings.SPLIT_SEED, Settings.LABELLED);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the modality views and the label"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs.get("dataset", Dataset.class), ctx.param(Supervised.TARGET),
                Task.CLASSIFICATION, ctx);
        Views views = Views.of(data, ctx);
        Rows x = views.joined();
        Settings s = Settings.of(ctx);
        Block block = Components.model(ctx, ctx.param(MODEL), s.batch(), x.cols(),
                views.modelDefaults(data.target().outputs()));
        NDManager keep = ctx.runManager();
        Trainer.Progress progress = new Trainer.Progress(ctx,
                s.epochs() * Trainer.steps(data.split().train().length, s));
        Fit.Trained t = Fit.train("model", block, x, data.target(), data.split(), ctx.param(Settings.LABELLED), 1.0,
                null, s, ctx, progress, ctx.seed(), keep);
        Map<String, Double> metrics = new LinkedHashMap<>(t.metrics());
        metrics.put("epochs", (double) t.log().epochs());
        Map<String, Samples> reps = new LinkedHashMap<>(t.network().representations(x, data.split().test(), "", keep));
        reps.put("target", data.testTarget(ctx.param(Supervised.TARGET)));
        return new TrainingResult(Map.of("model", block), metrics, reps);
    }
}
