package org.milab.plugins.kd;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;
import org.milab.api.Configured;
import org.milab.api.RunContext;
import org.milab.api.estimate.Estimator;
import org.milab.api.model.ModelFactory;
import org.milab.api.param.ComponentSpec;
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
        return model(ctx, s, batch, cols, Map.of("outputs", outputs));
    }

    /**
     * Builds the model named by {@code spec} for rows of {@code cols} values; each parameter of {@code defaults}
     * that the model declares and the spec leaves out is set (e.g. {@code outputs}, a fusion model's {@code dims}).
     */
    static Block model(RunContext ctx, ComponentSpec s, int batch, int cols, Map<String, Object> defaults) {
        Configured<ModelFactory> probe = ctx.component(ModelFactory.class, s.name(), s.parameters());
        ComponentSpec spec = s;
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            boolean declared = probe.extension().info().parameters().stream()
                    .anyMatch(p -> p.name().equals(d.getKey()));
            if (declared) {
                spec = spec.withDefault(d.getKey(), d.getValue());
            }
        }
        Configured<ModelFactory> f = spec == s ? probe : ctx.component(ModelFactory.class, spec);
        return f.extension().build(new Shape(batch, cols), f.context());
    }

    static Configured<DistillationLoss> loss(RunContext ctx, ComponentSpec s) {
        return ctx.component(DistillationLoss.class, s);
    }

    static Configured<Estimator> estimator(RunContext ctx, ComponentSpec s) {
        return ctx.component(Estimator.class, s);
    }
}
