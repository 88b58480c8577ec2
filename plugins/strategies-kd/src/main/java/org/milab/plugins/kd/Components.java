package org.milab.plugins.kd;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.milab.api.Configured;
import org.milab.api.RunContext;
import org.milab.api.estimate.Estimator;
import org.milab.api.param.ComponentSpec;
import org.milab.api.model.ModelFactory;
import org.milab.api.train.DistillationLoss;

/** Resolves the components named in spec parameters (models, losses, estimators) through the host, by name. */
final class Components {

    private Components() {
    }

    /**
     * Builds the model named by {@code spec} for rows of {@code cols} values; its {@code outputs} parameter, when it
     * declares one and the spec leaves it out, is set to {@code outputs}.
     */
    static Block model(RunContext ctx, ComponentSpec s, int batch, int cols, int outputs) {
        Configured<ModelFactory> probe = ctx.component(ModelFactory.class, s.name(), s.parameters());
        boolean declaresOutputs = probe.extension().info().parameters().stream()
                .anyMatch(p -> p.name().equals("outputs"));
        Configured<ModelFactory> f = declaresOutputs
                ? ctx.component(ModelFactory.class, s.name(), s.withDefault("outputs", outputs).parameters()) : probe;
        return f.extension().build(new Shape(batch, cols), f.context());
    }

    static Configured<DistillationLoss> loss(RunContext ctx, ComponentSpec s) {
        return ctx.component(DistillationLoss.class, s);
    }

    static Configured<Estimator> estimator(RunContext ctx, ComponentSpec s) {
        return ctx.component(Estimator.class, s);
    }
}
