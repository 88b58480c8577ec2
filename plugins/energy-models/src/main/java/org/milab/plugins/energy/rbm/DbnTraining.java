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
 * A deep belief network: a stack of binary RBMs trained greedily, layer k by contrastive divergence on the hidden
 * probabilities p(h | v) of layer k − 1 (Hinton, Osindero and Teh 2006; no fine-tuning). The result holds every
 * layer's weights and most likely states, for the {@code relevance} and {@code energy-spectrum} analyses (the
 * random-energy view of DBN layers, Xie and Marsili 2021).
 */
@Extension
@Citation(authors = "Hinton, G. E., Osindero, S., Teh, Y.-W.", year = 2006, title = "A Fast Learning Algorithm for "
        + "Deep Belief Nets", venue = "Neural Computation 18(7), 1527-1554", doi = "10.1162/neco.2006.18.7.1527")
@Citation(authors = "Hinton, G. E.", year = 2002, title = "Training Products of Experts by Minimizing Contrastive "
        + "Divergence", venue = "Neural Computation 14(8), 1771-1800", doi = "10.1162/089976602760128018")
public final class DbnTraining implements TrainingStrategy {

    static final Parameter<List<Integer>> HIDDEN = Parameter.integers("hidden").defaultValue(List.of(64, 32, 16))
            .min(1).description("hidden units of each layer, from the data upwards").build();

    @Override
    public ExtensionInfo info() {
        return ExtensionInfo.of("dbn", "A deep belief network: RBMs stacked and trained greedily by contrastive "
                        + "divergence.", TrainingData.INPUT, TrainingData.THRESHOLD, TrainingData.LIMIT, HIDDEN,
                GreedyStack.EPOCHS, GreedyStack.LEARNING_RATE, GreedyStack.BATCH, GreedyStack.STEPS);
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.required("dataset", Dataset.class, "the dataset holding the view to model"));
    }

    @Override
    public TrainingResult train(Inputs inputs, RunContext ctx) {
        if (ctx.param(HIDDEN).isEmpty()) {
            throw new org.milab.api.ConfigurationException("parameter 'hidden'", "a DBN needs at least one layer, "
                    + "e.g. [64, 32, 16]");
        }
        return GreedyStack.train(TrainingData.of(inputs.get("dataset", Dataset.class), ctx), ctx.param(HIDDEN), ctx);
    }
}
