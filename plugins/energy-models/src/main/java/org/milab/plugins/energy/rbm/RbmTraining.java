package org.milab.plugins.energy.rbm;

import java.util.List;
import org.milab.api.Citation;
import org.milab.api.ExtensionInfo;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.data.Dataset;
import org.milab.api.param.Parameter;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;
import org.milab.plugins.energy.TrainingData;
import org.pf4j.Extension;

/**
 * Trains one binary RBM ({@link Rbm}) on a view by contrastive divergence ({@link ContrastiveDivergence}); the
 * result holds the layer's weights and its most likely hidden state on every row (see
 * {@link org.milab.plugins.energy.LayerRecord}), for the {@code relevance} and {@code energy-spectrum} analyses.
 */
@Extension
@Citation(authors = "Hinton, G. E.", year = 2002, title = "Training Products of Experts by Minimizing Contrastive "
        + "Divergence", venue = "Neural Computation 14(8), 1771-1800", doi = "10.1162/089976602760128018")
@Citation(authors = "Smolensky, P.", year = 1986, title = "Information processing in dynamical systems: Foundations "
        + "of harmony theory", venue = "Parallel Distributed Processing, vol. 1, MIT Press")
public final class RbmTraining implements TrainingStrategy {

    static final Parameter<Integer> HIDDEN = Parameter.integer("hidden").defaultValue(16).range(1, 100_000)
            .description("hidden units").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("rbm", "A binary restricted Boltzmann machine trained by contrastive divergence.",
                TrainingData.INPUT, TrainingData.THRESHOLD, TrainingData.LIMIT, HIDDEN, GreedyStack.EPOCHS,
                GreedyStack.LEARNING_RATE, GreedyStack.BATCH, GreedyStack.STEPS);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the view to model"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        return GreedyStack.train(TrainingData.of(inputs.get("dataset", Dataset.class), ctx), List.of(ctx.param(HIDDEN)),
                ctx);
    }
}
