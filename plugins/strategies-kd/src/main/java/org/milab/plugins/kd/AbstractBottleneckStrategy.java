package org.milab.plugins.kd;

import java.util.List;
import org.milab.api.Inputs;
import org.milab.api.Port;
import org.milab.api.RunContext;
import org.milab.api.train.TrainingResult;
import org.milab.api.train.TrainingStrategy;

/**
 * The steps {@link Vib} and {@link Mid} share: read the dataset and the input view, build the strategy's
 * {@link Bottleneck}, train it with {@link BottleneckFit} on CE + weight x KL. A subclass says where the bottleneck
 * sits ({@link #bottleneck}) and what the KL term weighs ({@link #weight}).
 */
abstract class AbstractBottleneckStrategy implements TrainingStrategy {

    @Override
    public final List<Port> inputs() {
        return List.of(Prepared.port("the input and label views"));
    }

    @Override
    public final TrainingResult train(Inputs inputs, RunContext ctx) {
        Prepared data = Prepared.of(inputs, Task.CLASSIFICATION, ctx);
        Rows x = data.view(ctx.param(Supervised.INPUT));
        return BottleneckFit.train(bottleneck(data, x, ctx), data, x, weight(ctx), ctx);
    }

    /** The stochastic block, from the input rows {@code x} to the prediction. */
    abstract Bottleneck bottleneck(Prepared data, Rows x, RunContext ctx);

    /** The weight of the KL term, nats per nat of cross-entropy. */
    abstract double weight(RunContext ctx);
}
