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
        return Settings.info("fused-supervised", "Trains a fusion model on several views with cross-entropy on "
                        + "the fused output.", Views.VIEWS, Views.NOISE, Supervised.TARGET, MODEL);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Prepared.port("the modality views and the label"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs, Task.CLASSIFICATION, ctx);
        Views views = Views.of(data, ctx);
        Rows x = views.joined();
        Settings s = Settings.of(ctx);
        Block block = Components.model(ctx, ctx.param(MODEL), s.batch(), x.cols(),
                views.modelDefaults(data.target().outputs()));
        Session session = Session.of(ctx, s, data.split(), 1);
        Fit.Data rows = new Fit.Data(x, data.target(), data.split(), ctx.param(Settings.LABELLED));
        return Fit.train("model", block, rows, 1.0, null, session, ctx.seed()).result(block, rows, data, ctx);
    }
}
